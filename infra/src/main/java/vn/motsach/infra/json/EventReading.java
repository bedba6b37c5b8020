package vn.motsach.infra.json;

import tools.jackson.databind.JacksonModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The Jackson modules every reader of stored or published events uses: Axon's serializer and
 * the Kafka envelope codec alike. Instants and dates are read at their fixed positions
 * ({@link IsoTimes}) rather than through the JDK's general formatter, which every stored event
 * would otherwise pay for; records are built through Blackbird's generated lambdas rather than
 * {@code MethodHandle.invokeWithArguments}, which spreads the arguments anew for every event.
 */
public final class EventReading {

    private EventReading() {
    }

    public static JacksonModule[] modules() {
        return new JacksonModule[] {IsoTimes.module(), new BlackbirdModule()};
    }
}
