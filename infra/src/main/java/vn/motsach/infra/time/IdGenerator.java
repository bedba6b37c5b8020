package vn.motsach.infra.time;

import java.util.UUID;

/** Where new ids come from; injected so that tests can predict them. */
@FunctionalInterface
public interface IdGenerator {

    UUID newId();

    static IdGenerator random() {
        return UUID::randomUUID;
    }
}
