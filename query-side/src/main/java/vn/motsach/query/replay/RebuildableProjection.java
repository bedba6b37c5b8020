package vn.motsach.query.replay;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection that can be rebuilt from the event store beside the live one: it names its
 * processing group and the tables it owns, and makes a second instance of itself writing
 * through another connection (one whose search path leads to the rebuild schema).
 */
public interface RebuildableProjection {

    /** The processing group, which is also the projection's name in the admin API. */
    String name();

    /** The tables this projection owns, unqualified. */
    List<String> tables();

    /**
     * The types of the ids (components of the events it handles) that key this projection's rows
     * and the rows its handlers read: a rebuild sends the writes of events that share none of
     * them, within a school, together and in any order. An event carrying none of them is
     * applied alone, in order.
     */
    Set<Class<?>> rowKeys();

    /** A fresh instance with the same event handlers, writing through {@code jdbc}. */
    Object writingTo(JdbcClient jdbc);
}
