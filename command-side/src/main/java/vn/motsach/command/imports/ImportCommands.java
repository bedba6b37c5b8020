package vn.motsach.command.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;

/**
 * Sends an import's commands in the transaction of the batch in hand, on behalf of the actor who
 * started the import and with the import's id in the metadata of every event they store. It
 * remembers the streams it wrote to, to find the position of the last event the batch stored.
 */
public final class ImportCommands {

    /** The metadata key of the import an event came from. */
    public static final String IMPORT_ID = "importId";

    private final CommandGateway gateway;
    private final Map<String, String> metaData;
    private final List<String> streams = new ArrayList<>();

    ImportCommands(CommandGateway gateway, ImportJob job) {
        this.gateway = gateway;
        this.metaData = Map.of(EventProcessingAutoConfiguration.ACTOR, job.actor(), IMPORT_ID, job.importId().toString());
    }

    /** Runs {@code command} and answers what its handler returned; a refusal propagates, and the batch is then tried again record by record. */
    public Object send(Object command, String stream) {
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        streams.add(stream);
        return result;
    }

    /** As {@link #send(Object, String)}, for a command that stores events in several streams. */
    public Object send(Object command, List<String> streams) {
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        this.streams.addAll(streams);
        return result;
    }

    List<String> streams() {
        return streams;
    }
}
