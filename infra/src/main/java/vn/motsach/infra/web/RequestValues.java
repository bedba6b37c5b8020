package vn.motsach.infra.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The path variables and query parameters of one request, as a {@link CheckedRequest} reads
 * them, with the {@link RequestCheck} that collects their problems. A value is read by the name
 * the contract gives it, which is also the field a refusal names.
 */
public final class RequestValues {

    private final Function<String, String> values;
    private final BiFunction<String, Class<?>, Object> conversion;
    private final Supplier<Clock> clock;
    private final RequestCheck check = RequestCheck.of();
    /** The names read and their types, in order, when the values were made to learn them. */
    private final Map<String, Class<?>> read;

    /**
     * @param values the value of a name: its path variable, else its query parameter; {@code null} when absent
     * @param conversion text into a type, the way Spring MVC converts a {@code @RequestParam}; throws when it cannot
     * @param clock the injected clock, in the schools' time zone
     */
    RequestValues(Function<String, String> values, BiFunction<String, Class<?>, Object> conversion, Supplier<Clock> clock) {
        this(values, conversion, clock, null);
    }

    private RequestValues(Function<String, String> values, BiFunction<String, Class<?>, Object> conversion,
            Supplier<Clock> clock, Map<String, Class<?>> read) {
        this.values = values;
        this.conversion = conversion;
        this.clock = clock;
        this.read = read;
    }

    /**
     * Values of a request that sends none, which note the names read and their types: how the
     * API document learns a {@link CheckedRequest}'s parameters from the record itself.
     */
    static RequestValues learning() {
        return new RequestValues(name -> null, (text, type) -> null,
                () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new LinkedHashMap<>());
    }

    /** The names read so far and their types, when {@link #learning()}. */
    Map<String, Class<?>> read() {
        return read == null ? Map.of() : read;
    }

    public RequestCheck check() {
        return check;
    }

    /** Today at the school, for a check that judges a day against it (not in the future, a year at most next year). */
    public LocalDate today() {
        return LocalDate.now(clock.get());
    }

    /** The injected clock, for a check that judges a moment against now. */
    public Clock clock() {
        return clock.get();
    }

    /** The path variable {@code name}, else the query parameter; {@code null} when the request has neither. */
    public String value(String name) {
        if (read != null) {
            read.putIfAbsent(name, String.class);
        }
        return values.apply(name);
    }

    /**
     * The value {@code name} in {@code type} (a number, a boolean, an enum constant), converted as
     * Spring MVC converts a query parameter; {@code null} when absent or empty, and an
     * {@code invalid} problem when it is not one (for an enum, one listing its constants).
     */
    public <T> T optional(String name, Class<T> type) {
        if (read != null) {
            read.put(name, type);
        }
        String text = value(name);
        if (text == null) {
            return null;
        }
        try {
            return type.cast(conversion.apply(text, type));
        } catch (RuntimeException e) {
            if (type.isEnum()) {
                check.problem(name, "oneOf", text, RequestJson.allowedValues(type));
            } else {
                check.problem(name, "invalid", text);
            }
            return null;
        }
    }
}
