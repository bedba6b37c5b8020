package vn.motsach.infra.web;

import java.util.UUID;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * The ids a request names in its path or parameters, read by their contract names and checked
 * before anything looks them up, so that a malformed id is a 400 with the field named, never a
 * 404 or a 500. For the {@link CheckedRequest} records of every side.
 */
public final class PathIds {

    private PathIds() {
    }

    public static String school(RequestValues in) {
        return in.check().matching("schoolId", in.value("schoolId"), SchoolId.FORMAT);
    }

    /** A school id in a query parameter: checked when given, even empty. */
    public static String optionalSchool(RequestValues in) {
        return in.value("schoolId") == null ? null : school(in);
    }

    public static String authority(RequestValues in) {
        return in.check().matching("authorityId", in.value("authorityId"), AuthorityId.FORMAT);
    }

    /** A barcode, patron id or class id: chosen by the school, same format. */
    public static String local(RequestValues in, String field) {
        return in.check().matching(field, in.value(field), LocalId.FORMAT);
    }

    public static String optionalLocal(RequestValues in, String field) {
        String value = in.value(field);
        return value == null || value.isBlank() ? null : in.check().optionalMatching(field, value, LocalId.FORMAT);
    }

    public static UUID uuid(RequestValues in, String field) {
        String value = in.value(field);
        if (value == null || value.isBlank()) {
            in.check().problem(field, "required");
            return null;
        }
        return in.check().converted(field, value, UUID::fromString);
    }

    public static UUID optionalUuid(RequestValues in, String field) {
        String value = in.value(field);
        return value == null || value.isBlank() ? null : in.check().converted(field, value, UUID::fromString);
    }

    /** A năm học such as {@code 2026-2027}: two consecutive years. */
    public static String schoolYear(RequestValues in) {
        String value = in.value("schoolYear");
        if (value == null || value.isBlank()) {
            in.check().problem("schoolYear", "required");
            return null;
        }
        return optionalSchoolYear(in);
    }

    public static String optionalSchoolYear(RequestValues in) {
        String value = in.value("schoolYear");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SchoolYear.isValid(value)) {
            in.check().problem("schoolYear", "schoolYear");
            return null;
        }
        return value;
    }
}
