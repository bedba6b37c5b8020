package vn.motsach.infra.migrations;

/**
 * The schema migrations one part of the system owns. Each set keeps its own history table, so
 * the three sides can be deployed apart and each migrates only what it owns.
 *
 * @param name short name; the history table is {@code flyway_history_<name>}
 * @param location classpath folder of the set's {@code V<n>__<what>.sql} files
 */
public record MigrationSet(String name, String location) {
}
