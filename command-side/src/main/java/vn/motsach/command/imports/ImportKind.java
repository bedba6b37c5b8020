package vn.motsach.command.imports;

/** What an import brings in; each kind is one {@link ImportProcess}. */
public enum ImportKind {
    CATALOGUE,
    PATRONS,
    CLASSES
}
