package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A năm học such as {@code 2025-2026}: two consecutive years. */
public record SchoolYear(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYear {
        Matcher matcher = value == null ? null : FORMAT.matcher(value);
        if (matcher == null || !matcher.matches()
                || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            throw new IllegalArgumentException("A school year is two consecutive years like 2025-2026: " + value);
        }
    }

    @JsonCreator
    public static SchoolYear of(String value) {
        return new SchoolYear(value);
    }

    /**
     * A school year a school can have, as requests name them: its first year from 2000 to 2099,
     * the years whose dates the edge accepts. Years already stored are read whatever they are.
     */
    public static boolean isValid(String value) {
        try {
            int first = Integer.parseInt(of(value).value().substring(0, 4));
            return first >= 2000 && first <= 2099;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The August-to-July school year holding {@code day}: the year a date belongs to for a school
     * whose own calendar does not say (the Vietnamese school year begins in early September).
     */
    public static SchoolYear holding(LocalDate day) {
        int first = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
        return of(first + "-" + (first + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
