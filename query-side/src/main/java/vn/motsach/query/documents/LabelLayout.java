package vn.motsach.query.documents;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A sheet of labels on A4: {@code columns} across, {@code rows} down, inside the sheet's margins
 * (millimetres), with a gap between neighbouring labels.
 */
public record LabelLayout(int columns, int rows, double marginTopMm, double marginSideMm, double gapMm) {

    static final float POINTS_PER_MM = 72f / 25.4f;

    public LabelLayout {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a sheet has at least one label");
        }
        if (cellWidth(columns, marginSideMm, gapMm) < 35 || cellHeight(rows, marginTopMm, gapMm) < 15) {
            throw new IllegalArgumentException("labels too small to hold a barcode");
        }
    }

    public int perSheet() {
        return columns * rows;
    }

    /** The label at {@code index} on its sheet (row by row), in PDF points from the page's lower left corner. */
    public PDRectangle cell(int index) {
        int column = index % columns;
        int row = (index / columns) % rows;
        float width = (float) cellWidth(columns, marginSideMm, gapMm) * POINTS_PER_MM;
        float height = (float) cellHeight(rows, marginTopMm, gapMm) * POINTS_PER_MM;
        float gap = (float) gapMm * POINTS_PER_MM;
        float x = (float) marginSideMm * POINTS_PER_MM + column * (width + gap);
        float top = PDRectangle.A4.getHeight() - (float) marginTopMm * POINTS_PER_MM - row * (height + gap);
        return new PDRectangle(x, top - height, width, height);
    }

    private static double cellWidth(int columns, double margin, double gap) {
        return (210 - 2 * margin - (columns - 1) * gap) / columns;
    }

    private static double cellHeight(int rows, double margin, double gap) {
        return (297 - 2 * margin - (rows - 1) * gap) / rows;
    }
}
