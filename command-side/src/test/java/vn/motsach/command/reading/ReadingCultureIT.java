package vn.motsach.command.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;

/** Reading sessions, library periods, reading events and targets through HTTP on the real stack. */
@SpringBootTest(classes = {CommandSideApplication.class, ReadingClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class ReadingCultureIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.setTo(ReadingClockConfiguration.MONDAY, LocalTime.of(15, 0));
        api = new ApiClient(port);
    }

    @Test
    void aReadingSessionIsRecordedInThePatronsClass() {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-sessions");

        ApiClient.Answer library = api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-09-07T14:00:00+07:00\",\"minutes\":45,\"place\":\"LIBRARY\"}");
        ApiClient.Answer home = api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-09-06T20:00:00+07:00\",\"minutes\":30,\"place\":\"HOME\"}");

        assertThat(library.status()).as(library.body()).isEqualTo(201);
        assertThat(library.text("sessionId")).isNotBlank();
        assertThat(payloadAt(library.eventPosition())).contains("\"classId\":\"5a4\"", "\"minutes\":45", "\"selfReported\":false");
        assertThat(home.status()).as(home.body()).isEqualTo(201);
        assertThat(payloadAt(home.eventPosition())).contains("\"place\":\"HOME\"", "\"selfReported\":true");
    }

    @Test
    void impossibleSessionsAreRefused() {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-bad-sessions");
        String base = school.base() + "/reading-sessions";

        refused(api.post(base, "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-09-07T08:00:00+07:00\",\"minutes\":0,\"place\":\"LIBRARY\"}"),
                400, "VALIDATION_FAILED");
        refused(api.post(base, "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-09-07T08:00:00+07:00\",\"minutes\":900,\"place\":\"LIBRARY\"}"),
                400, "VALIDATION_FAILED");
        refused(api.post(base, "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-09-08T08:00:00+07:00\",\"minutes\":20,\"place\":\"LIBRARY\"}"),
                400, "VALIDATION_FAILED");
        refused(api.post(base, "{\"patronId\":\"hs-ai\",\"startedAt\":\"2026-09-07T08:00:00+07:00\",\"minutes\":20,\"place\":\"LIBRARY\"}"),
                404, "PATRON_NOT_FOUND");
        refused(api.post(base, "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-08-01T08:00:00+07:00\",\"minutes\":20,\"place\":\"HOME\"}"),
                409, "OUTSIDE_SCHOOL_YEAR");
    }

    @Test
    void aLibraryPeriodCountsItsAttendeesAgainstTheRosterOfThatDay() {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-periods");
        String base = school.base() + "/library-periods";

        ApiClient.Answer held = api.post(base,
                "{\"classId\":\"5a4\",\"heldOn\":\"2026-09-07\",\"activity\":\"STORYTELLING\",\"attendeeIds\":[\"hs-an\"]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(payloadAt(held.eventPosition())).contains("\"enrolledStudents\":2", "\"attendeeIds\":[\"hs-an\"]");

        school.patron("hs-khac", "Lý Văn Khác", "STUDENT", null);
        ApiClient.Answer outsider = api.post(base,
                "{\"classId\":\"5a4\",\"heldOn\":\"2026-09-07\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-an\",\"hs-khac\"]}");
        refused(outsider, 409, "NOT_IN_CLASS");
        assertThat(outsider.text("detail")).contains("hs-khac");
        refused(api.post(base, "{\"classId\":\"9z9\",\"heldOn\":\"2026-09-07\",\"activity\":\"FREE_READING\",\"attendeeIds\":[]}"),
                404, "CLASS_NOT_FOUND");
        refused(api.post(base, "{\"classId\":\"5a4\",\"heldOn\":\"2026-08-20\",\"activity\":\"FREE_READING\",\"attendeeIds\":[]}"),
                409, "OUTSIDE_SCHOOL_YEAR");
        refused(api.post(base, "{\"classId\":\"5a4\",\"heldOn\":\"2026-09-07\",\"activity\":\"SLEEPING\"}"), 400, "VALIDATION_FAILED");
    }

    /**
     * A class membership starts on its effective date: a student registered on Tuesday was in no
     * class on Monday, so Monday's period and reading day do not take them, nor count them enrolled.
     */
    @Test
    void aStudentRegisteredTodayWasInNoClassYesterday() {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-newcomer");
        ApiClient.Answer readingDay = api.post(school.base() + "/reading-events",
                "{\"name\":\"Ngày hội đọc\",\"kind\":\"READING_DAY\",\"startsOn\":\"2026-09-07\",\"endsOn\":\"2026-09-07\","
                        + "\"classIds\":[\"5a4\"]}");
        assertThat(readingDay.status()).as(readingDay.body()).isEqualTo(201);
        clock.setTo(ReadingClockConfiguration.MONDAY.plusDays(1), LocalTime.of(8, 0));
        school.patron("hs-moi", "Phạm Minh Mới", "STUDENT", "5a4");
        String periods = school.base() + "/library-periods";

        ApiClient.Answer yesterday = api.post(periods,
                "{\"classId\":\"5a4\",\"heldOn\":\"2026-09-07\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-an\",\"hs-moi\"]}");
        refused(yesterday, 409, "NOT_IN_CLASS");
        assertThat(yesterday.text("detail")).contains("hs-moi").doesNotContain("hs-an");
        refused(api.post(school.base() + "/reading-events/" + readingDay.text("eventId") + "/participations",
                "{\"patronIds\":[\"hs-moi\"]}"), 409, "NOT_IN_CLASS");
        ApiClient.Answer withoutThem = api.post(periods,
                "{\"classId\":\"5a4\",\"heldOn\":\"2026-09-07\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-an\"]}");
        assertThat(withoutThem.status()).as(withoutThem.body()).isEqualTo(201);
        assertThat(payloadAt(withoutThem.eventPosition())).contains("\"enrolledStudents\":2");
        ApiClient.Answer today = api.post(periods,
                "{\"classId\":\"5a4\",\"heldOn\":\"2026-09-08\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-moi\"]}");
        assertThat(today.status()).as(today.body()).isEqualTo(201);
        assertThat(payloadAt(today.eventPosition())).contains("\"enrolledStudents\":3");
        ApiClient.Answer moveBefore = api.post(school.base() + "/patrons/hs-moi/class-moves",
                "{\"toClassId\":\"5a4\",\"effectiveOn\":\"2026-09-07\"}");
        refused(moveBefore, 409, "CLASS_MOVE_BEFORE_REGISTRATION");
        assertThat(moveBefore.text("detail"))
                .isEqualTo("Bạn đọc hs-moi được đăng ký từ ngày 08/09/2026, nên không thể chuyển lớp từ ngày 07/09/2026.");
        ApiClient.Answer inEnglish = api.post(school.base() + "/patrons/hs-moi/class-moves",
                "{\"toClassId\":\"5a4\",\"effectiveOn\":\"2026-09-07\"}", "Accept-Language", "en");
        refused(inEnglish, 409, "CLASS_MOVE_BEFORE_REGISTRATION");
        assertThat(inEnglish.text("detail"))
                .isEqualTo("Patron hs-moi was registered on 8 September 2026, so they cannot move class from 7 September 2026.");
    }

    @Test
    void aReadingDayRecordsEachParticipantOnce() {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-reading-day");
        ApiClient.Answer scheduled = api.post(school.base() + "/reading-events",
                "{\"name\":\"Ngày Sách và Văn hóa đọc Việt Nam\",\"kind\":\"READING_DAY\",\"startsOn\":\"2026-09-07\","
                        + "\"endsOn\":\"2026-09-11\",\"classIds\":[\"5a4\"]}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String participations = school.base() + "/reading-events/" + scheduled.text("eventId") + "/participations";

        ApiClient.Answer first = api.post(participations, "{\"patronIds\":[\"hs-an\",\"hs-binh\"]}");
        ApiClient.Answer again = api.post(participations, "{\"patronIds\":[\"hs-an\"]}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("newParticipants").asInt()).isEqualTo(2);
        assertThat(again.json().path("newParticipants").asInt()).isZero();
        school.patron("gv-lan", "Lê Thị Lan", "TEACHER", null);
        refused(api.post(participations, "{\"patronIds\":[\"gv-lan\"]}"), 409, "NOT_IN_CLASS");
        refused(api.post(school.base() + "/reading-events/00000000-0000-0000-0000-000000000000/participations",
                "{\"patronIds\":[\"hs-an\"]}"), 404, "READING_EVENT_NOT_FOUND");
        refused(api.post(school.base() + "/reading-events", "{\"name\":\"Hội sách\",\"kind\":\"FESTIVAL\",\"startsOn\":\"2027-05-25\","
                + "\"endsOn\":\"2027-06-05\",\"classIds\":[\"5a4\"]}"), 409, "OUTSIDE_SCHOOL_YEAR");
    }

    @Test
    void targetsAreSetThenChanged() {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-targets");
        String target = school.base() + "/reading-targets/";

        assertThat(api.put(target + "readers-5a4", "{\"metric\":\"ACTIVE_READER_RATE\",\"scope\":\"CLASS\",\"scopeId\":\"5a4\","
                + "\"period\":\"MONTH\",\"threshold\":0.8}").status()).isEqualTo(201);
        assertThat(api.put(target + "readers-5a4", "{\"metric\":\"ACTIVE_READER_RATE\",\"scope\":\"CLASS\",\"scopeId\":\"5a4\","
                + "\"period\":\"MONTH\",\"threshold\":0.80}").status()).isEqualTo(200);
        refused(api.put(target + "readers-9z9", "{\"metric\":\"ACTIVE_READER_RATE\",\"scope\":\"CLASS\",\"scopeId\":\"9z9\","
                + "\"period\":\"MONTH\",\"threshold\":0.8}"), 404, "CLASS_NOT_FOUND");
        refused(api.put(target + "too-much", "{\"metric\":\"ACTIVE_READER_RATE\",\"scope\":\"SCHOOL\",\"period\":\"WEEK\","
                + "\"threshold\":1.5}"), 400, "VALIDATION_FAILED");
        assertThat(api.put(target + "loans-grade-5", "{\"metric\":\"LOANS_PER_STUDENT\",\"scope\":\"GRADE\",\"scopeId\":\"5\","
                + "\"period\":\"SCHOOL_YEAR\",\"threshold\":4}").status()).isEqualTo(201);
    }

    private String payloadAt(long position) {
        return jdbc.sql("select payload from domainevententry where globalindex = ?").param(position).query(String.class).single();
    }

    private static void refused(ApiClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.text("code")).isEqualTo(code);
    }

}
