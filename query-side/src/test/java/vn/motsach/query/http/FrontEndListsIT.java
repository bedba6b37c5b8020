package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.query.SchoolDates;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * The lists a front-end builds its screens from, over HTTP on the running query side, fed with
 * events in the real event store: paged as the contract says, filtered, a teacher kept to their
 * own classes, bad parameters refused with the field named.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrontEndListsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    ApiClient api;
    EventFeed feed;
    SchoolId school;
    String base;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        feed = new EventFeed(eventStore, transactions, jdbc);
        school = SchoolId.of("th-" + UUID.randomUUID().toString().substring(0, 8));
        base = "/api/v1/schools/" + school.value();
        today = SchoolDates.today(clock);
    }

    @Test
    void listsPatronsFoundByNameIgnoringDiacritics() {
        ClassId a1 = ClassId.of("6a1");
        ClassId a2 = ClassId.of("6a2");
        feed.append(new ClassOpened(school, a1, "6A1", 6, SchoolYear.of("2026-2027"), null),
                new ClassOpened(school, a2, "6A2", 6, SchoolYear.of("2026-2027"), null),
                student("hs-001", "Nguyễn Văn An", a1), student("hs-002", "Trần Thị Bình", a1),
                student("hs-003", "Lê Văn Ân", a2), student("hs-004", "Phạm Minh Châu", a2),
                new PatronRegistered(school, PatronId.of("gv-01"), "Đỗ Thu Hà", PatronCategory.TEACHER, null));
        long position = feed.append(new PatronLeft(school, PatronId.of("hs-004"), DepartureReason.TRANSFERRED, today));

        JsonNode all = get("/patrons", position).json();
        assertThat(all.path("totalItems").asLong()).isEqualTo(5);
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(20);
        // by given name, as class lists are
        assertThat(ids(all)).containsExactly("hs-003", "hs-001", "hs-002", "hs-004", "gv-01");
        JsonNode an = all.path("items").get(1);
        assertThat(an.path("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(an.path("classId").asString()).isEqualTo("6a1");
        assertThat(an.path("category").asString()).isEqualTo("STUDENT");
        assertThat(an.path("active").asBoolean()).isTrue();

        assertThat(ids(get("/patrons?q=nguyen%20van", position).json())).containsExactly("hs-001");
        assertThat(ids(get("/patrons?q=VAN%20AN", position).json())).containsExactly("hs-003", "hs-001");
        assertThat(ids(get("/patrons?q=%C4%91o%20thu", position).json())).containsExactly("gv-01");
        assertThat(ids(get("/patrons?q=hs-002", position).json())).containsExactly("hs-002");
        assertThat(ids(get("/patrons?classId=6a2", position).json())).containsExactly("hs-003", "hs-004");
        assertThat(ids(get("/patrons?category=TEACHER", position).json())).containsExactly("gv-01");
        assertThat(ids(get("/patrons?active=false", position).json())).containsExactly("hs-004");
        assertThat(ids(get("/patrons?classId=6a2&active=true", position).json())).containsExactly("hs-003");
        JsonNode second = get("/patrons?size=2&page=1", position).json();
        assertThat(ids(second)).containsExactly("hs-002", "hs-004");
        assertThat(second.path("totalItems").asLong()).isEqualTo(5);
    }

    @Test
    void aTeacherListsTheirOwnClassesPatronsOnly() {
        ClassId a1 = ClassId.of("6a1");
        ClassId a2 = ClassId.of("6a2");
        long position = feed.append(new ClassOpened(school, a1, "6A1", 6, SchoolYear.of("2026-2027"), null),
                new ClassOpened(school, a2, "6A2", 6, SchoolYear.of("2026-2027"), null),
                student("hs-001", "Nguyễn Văn An", a1), student("hs-003", "Lê Văn Ân", a2));
        ApiClient teacher = api.as(TestTokens.ofSchool("co-lan", "TEACHER", school.value(), "6a1"));

        assertThat(ids(teacher.get(base + "/patrons", "X-Min-Event-Position", Long.toString(position)).json()))
                .containsExactly("hs-001");
        assertThat(ids(teacher.get(base + "/patrons?q=an&classId=6a1").json())).containsExactly("hs-001");
        ApiClient.Answer other = teacher.get(base + "/patrons?classId=6a2");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.text("code")).isEqualTo("NOT_YOUR_CLASS");
        ApiClient.Answer noClasses = api.as(TestTokens.ofSchool("co-mai", "TEACHER", school.value())).get(base + "/patrons");
        assertThat(noClasses.json().path("totalItems").asLong()).isZero();
    }

    @Test
    void refusesBadListParameters() {
        assertThat(problem(api.get(base + "/patrons?category=PUPIL"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons?active=maybe"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons?size=0"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons?page=-1"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons?classId=6a1%3B"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons?q=" + "a".repeat(201)))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(api.get(base + "/patrons?size=201").json().path("errors").get(0).path("field").asString())
                .isEqualTo("size");
    }

    PatronRegistered student(String id, String name, ClassId classId) {
        return new PatronRegistered(school, PatronId.of(id), name, PatronCategory.STUDENT, classId);
    }

    ApiClient.Answer get(String path, long position) {
        ApiClient.Answer answer = api.get(base + path, "X-Min-Event-Position", Long.toString(position));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.has("patronId") ? item.path("patronId").asString()
                : item.path("classId").asString()));
        return ids;
    }

    static String problem(ApiClient.Answer answer) {
        return answer.status() + " " + answer.text("code");
    }

    UUID uuid(String name) {
        return UUID.nameUUIDFromBytes((school.value() + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
