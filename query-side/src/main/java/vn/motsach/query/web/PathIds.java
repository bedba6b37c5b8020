package vn.motsach.query.web;

import java.util.UUID;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.web.RequestCheck;

/**
 * The ids a query names in its path or parameters, checked before any SQL runs, so that a
 * malformed id is a 400 with the field named, never a 404 or a 500.
 */
public final class PathIds {

    private PathIds() {
    }

    public static String school(RequestCheck check, String schoolId) {
        return check.matching("schoolId", schoolId, SchoolId.FORMAT);
    }

    /** A barcode, patron id or class id: chosen by the school, same format. */
    public static String local(RequestCheck check, String field, String value) {
        return check.matching(field, value, LocalId.FORMAT);
    }

    public static String optionalLocal(RequestCheck check, String field, String value) {
        return value == null || value.isBlank() ? null : check.optionalMatching(field, value, LocalId.FORMAT);
    }

    public static UUID uuid(RequestCheck check, String field, String value) {
        if (value == null || value.isBlank()) {
            check.problem(field, "required");
            return null;
        }
        return check.converted(field, value, UUID::fromString);
    }

    public static UUID optionalUuid(RequestCheck check, String field, String value) {
        return value == null || value.isBlank() ? null : check.converted(field, value, UUID::fromString);
    }

    /** A năm học such as {@code 2026-2027}: two consecutive years. */
    public static String schoolYear(RequestCheck check, String value) {
        if (value == null || value.isBlank()) {
            check.problem("schoolYear", "required");
            return null;
        }
        return optionalSchoolYear(check, value);
    }

    public static String optionalSchoolYear(RequestCheck check, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SchoolYear.isValid(value)) {
            check.problem("schoolYear", "schoolYear");
            return null;
        }
        return value;
    }
}
