package vn.motsach.query.schools;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/** A school's name as its documents head it (registers, reports, labels), from the school directory. */
@Component
public class SchoolNames {

    private final JdbcClient jdbc;

    SchoolNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name of {@code schoolId}; refused as {@code SCHOOL_NOT_FOUND} for a school the directory does not hold. */
    public String of(String schoolId) {
        return jdbc.sql("select name from qs_school where school_id = :school").param("school", schoolId)
                .query(String.class).optional()
                .orElseThrow(() -> new Refused(RefusalCode.SCHOOL_NOT_FOUND, schoolId));
    }
}
