package vn.motsach.query.documents;

/**
 * A column of a table document: its heading and its share of the page's width (relative to the
 * other columns; a spreadsheet gives it that many character widths).
 */
public record Column(String heading, int width) {

    public Column {
        heading = DocumentHeading.nfc(heading);
        if (width < 1) {
            throw new IllegalArgumentException("a column is at least 1 wide");
        }
    }
}
