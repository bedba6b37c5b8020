package vn.motsach.command.execution;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Global positions (the event store's {@code globalindex}) of stored events. */
final class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long ofEvents(List<String> eventIds) {
        return jdbc.sql("select max(globalindex) from domainevententry where eventidentifier = any(?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single();
    }

    /**
     * For a command that stored nothing: the last event of its aggregate (or of the whole store
     * when it names none). Waiting for that one still shows the state the command saw.
     */
    long ofUnchanged(String aggregateId) {
        Long position = aggregateId == null
                ? jdbc.sql("select max(globalindex) from domainevententry").query(Long.class).single()
                : jdbc.sql("select max(globalindex) from domainevententry where aggregateidentifier = ?")
                        .param(aggregateId).query(Long.class).single();
        return position == null ? 0 : position;
    }
}
