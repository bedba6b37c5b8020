package vn.motsach.infra.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the instants our envelopes carry ({@code 2026-09-05T01:00:00Z}, with up to nine
 * digits of fraction), as {@link Instant#toString()} and Jackson write them, and their dates
 * ({@code 2026-09-05}). The JDK's parser goes through a general formatter and a map of fields
 * for every instant of every envelope decoded; this reads the fixed positions directly. Anything else (another year width, an offset, a leap second, a malformed text)
 * goes to the JDK, so what is accepted and what is refused stays the JDK's. {@link #module()}
 * has Jackson read event payloads' instants and dates so: in the Kafka envelopes and in the
 * event store alike.
 */
public final class IsoTimes {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoTimes() {
    }

    /** Jackson deserializers of {@link Instant} and {@link LocalDate} that read the canonical forms here. */
    public static JacksonModule module() {
        return new SimpleModule("iso-times")
                .addDeserializer(Instant.class, IsoTimeDeserializer.instants())
                .addDeserializer(LocalDate.class, IsoTimeDeserializer.dates());
    }

    public static Instant parse(String text) {
        Instant instant = parseCanonical(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** {@code null} when {@code text} is not of the canonical form. */
    public static Instant parseCanonical(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code null} when {@code text} is not a date of the form {@code 2026-09-05}. */
    static LocalDate parseCanonicalDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written by {@code count} ASCII digits from {@code from}; -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
