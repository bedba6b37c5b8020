package vn.motsach.command.execution;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Global positions (the event store's {@code globalindex}) of stored events. */
final class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The position of the last of these events or, when the command stored none, of the last
     * event of its aggregate: waiting for that one still shows the state the command saw.
     */
    long after(List<String> eventIds, String aggregateId) {
        Long position = eventIds.isEmpty()
                ? jdbc.sql("select max(globalindex) from domainevententry where aggregateidentifier = ?")
                        .param(aggregateId).query(Long.class).single()
                : jdbc.sql("select max(globalindex) from domainevententry where eventidentifier = any(?)")
                        .param(eventIds.toArray(String[]::new)).query(Long.class).single();
        return position == null ? 0 : position;
    }
}
