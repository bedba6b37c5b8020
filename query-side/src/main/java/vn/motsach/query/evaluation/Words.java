package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16.Level;

/** Numbers, dates, levels as a Vietnamese report writes them: 2,9 and 93,3%, 05/09/2026, "Tiểu học", "Mức độ 1". */
final class Words {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Words() {
    }

    static String number(BigDecimal number) {
        return tidy(number).toPlainString().replace('.', ',');
    }

    /** Without trailing zeros, yet never in exponent form: 2.9, 3, 100. */
    static BigDecimal tidy(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String copies(long copies) {
        return copies + " bản sách";
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String level(EducationLevel level) {
        return switch (level) {
            case PRESCHOOL -> "Mầm non";
            case PRIMARY -> "Tiểu học";
            case LOWER_SECONDARY -> "Trung học cơ sở";
            case UPPER_SECONDARY -> "Trung học phổ thông";
        };
    }

    static String level(Level level) {
        return switch (level) {
            case NOT_MET -> "Chưa đạt";
            case LEVEL_1 -> "Mức độ 1";
            case LEVEL_2 -> "Mức độ 2";
        };
    }
}
