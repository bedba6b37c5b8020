package vn.motsach.infra.web;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the edge of the system accepts, whatever the field: a date within the school years a
 * school can have, and a decimal a person would type. A date beyond them would be stored in the
 * event store and then stop a projection (PostgreSQL's dates end in year 294276) or make a
 * metric's period cost seconds of work; a decimal like {@code 1E-1000000} would be carried
 * through every side. Each field may ask for less, never for more.
 */
public final class InputBounds {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** Digits after the decimal point: enough for a rate (0.75) or a price in đồng with cents to spare. */
    public static final int MAX_DECIMAL_PLACES = 6;
    /** Digits before the decimal point. */
    public static final int MAX_WHOLE_DIGITS = 15;

    private InputBounds() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /**
     * A field that holds no date (or instant) within the bounds: its message shows the value as it
     * must be sent ({@code 2026-09-05}) and so names the bounds the same way, as text, where a day
     * handed over as a {@link LocalDate} would be written the reader's way.
     */
    static ApiProblem.FieldProblem outOfBounds(String field, String messageKey) {
        return new ApiProblem.FieldProblem(field, messageKey, EARLIEST_DATE.toString(), LATEST_DATE.toString());
    }

    public static boolean contains(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() <= MAX_DECIMAL_PLACES && plain.precision() - plain.scale() <= MAX_WHOLE_DIGITS;
    }
}
