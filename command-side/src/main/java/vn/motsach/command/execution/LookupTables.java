package vn.motsach.command.execution;

/**
 * The lookup tables of the command side: each feature keeps its own, fed by its event handlers
 * in this processing group. The group is a subscribing processor, so a table is written in the
 * transaction that stores the events: a decision never reads a table that lags its events.
 */
public final class LookupTables {

    public static final String PROCESSING_GROUP = "circulation-lookups";

    private LookupTables() {
    }
}
