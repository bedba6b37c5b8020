package vn.motsach.command.imports;

/** What an import brings in; each kind is one {@link ImportProcess}. A rollover is a job of the same kind, from a plan. */
public enum ImportKind {
    CATALOGUE,
    PATRONS,
    CLASSES,
    ROLLOVER
}
