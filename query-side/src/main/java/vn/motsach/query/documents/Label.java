package vn.motsach.query.documents;

import java.util.List;

/**
 * One label: a Code 128 barcode of {@code barcode}, printed under it too, a QR code of
 * {@code qrText}, and a few short lines of text (the second in bold), each on at most
 * two lines of the label, cut with an ellipsis past them.
 */
public record Label(String barcode, String qrText, List<String> lines) {

    public Label {
        lines = lines.stream().map(line -> line == null ? "" : DocumentHeading.nfc(line)).toList();
    }
}
