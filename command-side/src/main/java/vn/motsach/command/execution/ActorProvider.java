package vn.motsach.command.execution;

/** Who is sending the current command; written into the metadata of every event it causes. */
@FunctionalInterface
public interface ActorProvider {

    /** The actor of requests that carry no identity; time-driven rules use {@code system}. */
    String UNAUTHENTICATED = "unauthenticated";

    /** The actor of time-driven rules: overdue loans, uncollected holds. */
    String SYSTEM = "system";

    String currentActor();
}
