package vn.motsach.command.imports;

/** Where an import job stands; the last three are final. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
