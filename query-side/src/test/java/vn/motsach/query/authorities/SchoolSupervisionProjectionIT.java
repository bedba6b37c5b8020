package vn.motsach.query.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.events.school.Supervision;
import vn.motsach.testing.ProjectionDatabase;

/** Each school's authorities by year on the real PostgreSQL: stretches whole, replayed and late events changing nothing. */
class SchoolSupervisionProjectionIT {

    private static final SchoolId SCHOOL = SchoolId.of("th-giam-sat");
    private static final List<EducationLevel> PRIMARY = List.of(EducationLevel.PRIMARY);
    private static final AuthorityId DISTRICT = AuthorityId.of("phong-gddt-cu");
    private static final AuthorityId COMMUNE = AuthorityId.of("xa-moi");
    private static final SchoolSupervisionChanged MOVED = new SchoolSupervisionChanged(SCHOOL,
            List.of(new Supervision(null, DISTRICT), new Supervision(SchoolYear.of("2025-2026"), COMMUNE)));

    private static JdbcClient jdbc;
    private SchoolSupervisionProjection projection;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
    }

    @BeforeEach
    void setUp() {
        projection = new SchoolSupervisionProjection(jdbc);
        projection.reset();
    }

    @Test
    void aMoveKeepsTheYearsBeforeItWithTheOldAuthority() {
        projection.on(new SchoolRegistered(SCHOOL, "TH Giám Sát", PRIMARY, DISTRICT), at(3));
        assertThat(rows()).containsExactly("0||-|phong-gddt-cu");

        projection.on(new SchoolDetailsChanged(SCHOOL, "TH Giám Sát", PRIMARY, COMMUNE), at(7));
        projection.on(MOVED, at(8));

        assertThat(rows()).containsExactly("0||2025-2026|phong-gddt-cu", "1|2025-2026|-|xa-moi");
    }

    @Test
    void anEventSeenTwiceOrLateChangesNothing() {
        projection.on(new SchoolRegistered(SCHOOL, "TH Giám Sát", PRIMARY, DISTRICT), at(3));
        projection.on(MOVED, at(8));
        projection.on(MOVED, at(8));
        projection.on(new SchoolDetailsChanged(SCHOOL, "TH Giám Sát", PRIMARY, COMMUNE), at(7));

        assertThat(rows()).containsExactly("0||2025-2026|phong-gddt-cu", "1|2025-2026|-|xa-moi");
    }

    private static TrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }

    private static List<String> rows() {
        return jdbc.sql("""
                        select stretch || '|' || coalesce(from_school_year, '') || '|' || coalesce(until_school_year, '-')
                          || '|' || coalesce(authority_id, '')
                        from qs_school_supervision where school_id = 'th-giam-sat' order by stretch""")
                .query(String.class).list();
    }
}
