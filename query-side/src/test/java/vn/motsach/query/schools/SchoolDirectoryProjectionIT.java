package vn.motsach.query.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.testing.ProjectionDatabase;

/** The school directory on the real PostgreSQL: replayed and late events change nothing. */
class SchoolDirectoryProjectionIT {

    private static JdbcClient jdbc;
    private SchoolDirectoryProjection projection;

    private static final SchoolId SCHOOL = SchoolId.of("th-le-loi");
    private static final List<EducationLevel> PRIMARY = List.of(EducationLevel.PRIMARY);
    private static final Instant MONDAY = Instant.parse("2026-09-07T01:00:00Z");

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
    }

    @BeforeEach
    void setUp() {
        projection = new SchoolDirectoryProjection(jdbc);
        projection.reset();
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        SchoolRegistered registered = new SchoolRegistered(SCHOOL, "TH Lê Lợi", PRIMARY, AuthorityId.of("xa-an-vinh"));

        projection.on(registered, MONDAY, at(5));
        projection.on(registered, MONDAY, at(5));

        assertThat(rows()).containsExactly("th-le-loi|TH Lê Lợi|xa-an-vinh");
    }

    @Test
    void anOlderEventSeenLateDoesNotOverwriteANewerOne() {
        projection.on(new SchoolRegistered(SCHOOL, "TH Lê Lợi", PRIMARY, AuthorityId.of("phong-gddt-cu")), MONDAY, at(5));
        projection.on(new SchoolDetailsChanged(SCHOOL, "TH Lê Lợi", PRIMARY, AuthorityId.of("xa-an-vinh")), MONDAY, at(9));
        projection.on(new SchoolRegistered(SCHOOL, "TH Lê Lợi", PRIMARY, AuthorityId.of("phong-gddt-cu")), MONDAY, at(5));

        assertThat(rows()).containsExactly("th-le-loi|TH Lê Lợi|xa-an-vinh");
    }

    private static TrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }

    private static List<String> rows() {
        return jdbc.sql("select school_id || '|' || name || '|' || coalesce(authority_id, '') from qs_school order by 1")
                .query(String.class).list();
    }
}
