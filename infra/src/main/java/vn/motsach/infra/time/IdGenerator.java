package vn.motsach.infra.time;

import java.util.UUID;

/** Where new ids come from; injected so that tests can predict them. */
@FunctionalInterface
public interface IdGenerator {

    UUID newId();

    /** Time-ordered version 7 UUIDs, made without a process-wide lock. */
    static IdGenerator random() {
        return TimeOrderedIds::next;
    }
}
