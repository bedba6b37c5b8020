package vn.motsach.query.documents;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What every document says at its top: the school's name, the document's title, the period it
 * covers (already in words, e.g. "Năm học 2025-2026" or "Toàn bộ sổ") and the date it was made.
 */
public record DocumentHeading(String schoolName, String title, String period, LocalDate madeOn) {

    public static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public DocumentHeading {
        schoolName = nfc(Objects.requireNonNull(schoolName));
        title = nfc(Objects.requireNonNull(title));
        period = nfc(Objects.requireNonNull(period));
        Objects.requireNonNull(madeOn);
    }

    /** The heading's lines, in the order a reader reads them. */
    String[] lines() {
        return new String[] {schoolName, title, "Thời gian: " + period, "Ngày lập: " + VIETNAMESE_DATE.format(madeOn)};
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
