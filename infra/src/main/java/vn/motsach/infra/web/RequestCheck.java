package vn.motsach.infra.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;

/**
 * Collects every problem of a request before refusing it, so that a librarian sees all the
 * fields to fix at once. Text is NFC-normalised here, once, at the edge of the system.
 */
public final class RequestCheck {

    private final List<ApiProblem.FieldProblem> problems = new ArrayList<>();

    public static RequestCheck of() {
        return new RequestCheck();
    }

    /** Required text, trimmed and NFC-normalised; {@code null} when missing or too long. */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(new ApiProblem.FieldProblem(field, "required"));
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    /** Optional text, trimmed and NFC-normalised; blank becomes {@code null}. */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (normalised.length() > maxLength) {
            problems.add(new ApiProblem.FieldProblem(field, "tooLong", maxLength));
            return null;
        }
        return normalised;
    }

    public String matching(String field, String value, Pattern pattern) {
        if (value == null || value.isBlank()) {
            problems.add(new ApiProblem.FieldProblem(field, "required"));
            return null;
        }
        return optionalMatching(field, value, pattern);
    }

    public String optionalMatching(String field, String value, Pattern pattern) {
        return optionalMatching(field, value, pattern, formatKey(pattern));
    }

    /**
     * As {@link #optionalMatching(String, String, Pattern)}, the format said to the librarian by the
     * text {@code field.<formatKey>}: in words, never as the pattern itself.
     */
    public String optionalMatching(String field, String value, Pattern pattern, String formatKey) {
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(new ApiProblem.FieldProblem(field, formatKey, pattern.pattern()));
            return null;
        }
        return value;
    }

    /** The words of an id's format ({@code field.format.localId}...); a pattern of no id is said in general words. */
    private static String formatKey(Pattern pattern) {
        String written = pattern.pattern();
        if (written.equals(LocalId.FORMAT.pattern())) {
            return "format.localId";
        }
        if (written.equals(SchoolId.FORMAT.pattern())) {
            return "format.schoolId";
        }
        return "format";
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            problems.add(new ApiProblem.FieldProblem(field, "required"));
        }
        return value;
    }

    public <T> List<T> nonEmpty(String field, Collection<T> values) {
        if (values == null || values.isEmpty()) {
            problems.add(new ApiProblem.FieldProblem(field, "nonEmpty"));
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null)) {
            problems.add(new ApiProblem.FieldProblem(field, "noNulls"));
            return List.of();
        }
        return values.stream().distinct().toList();
    }

    public <T> T converted(String field, String value, Function<String, T> conversion) {
        if (value == null) {
            return null;
        }
        try {
            return conversion.apply(value);
        } catch (RuntimeException e) {
            problems.add(new ApiProblem.FieldProblem(field, "invalid", value));
            return null;
        }
    }

    /** The constant of {@code type} named {@code value}; else {@code null} and a problem listing the constants, as the API spells them. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        return oneOf(field, value, EnumSet.allOf(type));
    }

    /**
     * The constant of {@code allowed} named {@code value}; else {@code null} and a problem listing
     * them, so that who sent it learns what to send rather than only that it was wrong.
     */
    public <E extends Enum<E>> E oneOf(String field, String value, Set<E> allowed) {
        if (value == null) {
            return null;
        }
        for (E constant : allowed) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(new ApiProblem.FieldProblem(field, "oneOf", value,
                String.join(", ", allowed.stream().sorted().map(Enum::name).toList())));
        return null;
    }

    /**
     * A date given as text (a query parameter such as {@code on}), within {@link InputBounds};
     * {@code null} when missing or refused.
     */
    public LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (InputBounds.contains(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below, as a date out of bounds is
        }
        problems.add(InputBounds.outOfBounds(field, "date"));
        return null;
    }

    public void problem(String field, String messageKey, Object... arguments) {
        problems.add(new ApiProblem.FieldProblem(field, messageKey, arguments));
    }

    /**
     * What {@code make} makes from the checked values when every check so far passed, else
     * {@code null}: for a request record that builds its command while the checks run, the
     * refusal following once the record is made.
     */
    public <T> T ifPassed(Supplier<T> make) {
        return problems.isEmpty() ? make.get() : null;
    }

    /** Throws a {@code VALIDATION_FAILED} problem listing every field, if any failed. */
    public void orRefuse() {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}
