package vn.motsach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import vn.motsach.infra.time.TimeAutoConfiguration;


/** A school library set up through the HTTP API, the way a librarian would, for the tests. */
public final class LibraryFixture {

    private final ApiClient api;
    private final String school;
    private final String base;

    public LibraryFixture(ApiClient api, String school) {
        this.api = api;
        this.school = school;
        this.base = "/api/v1/schools/" + school;
    }

    /**
     * A primary school with its 2026-2027 year (closed on 2 September and for Tết), class 5A4 and two
     * students, under a test authority of its own: tests that count an authority's schools (as
     * WalkingSkeletonIT counts xa-an-vinh's) share their application with every other test.
     */
    public static LibraryFixture primarySchool(ApiClient api, String school) {
        return primarySchool(api, school, "xa-thu-nghiem");
    }

    /** The same school under the authority named. */
    public static LibraryFixture primarySchool(ApiClient api, String school, String authority) {
        LibraryFixture library = new LibraryFixture(api, school);
        library.expect(201, api.put(library.base, "{\"name\":\"Trường Tiểu học " + school + "\",\"educationLevels\":[\"PRIMARY\"],"
                + "\"authorityId\":\"" + authority + "\"}"));
        library.expect(201, api.put(library.base + "/school-years/2026-2027", """
                {"startsOn":"2026-09-05","endsOn":"2027-05-31",
                 "semesters":[{"number":1,"startsOn":"2026-09-05","endsOn":"2027-01-17"},
                              {"number":2,"startsOn":"2027-01-18","endsOn":"2027-05-31"}],
                 "closedDays":["2027-02-08","2027-02-09","2027-02-10","2027-02-11","2027-02-12"]}"""));
        library.expect(201, api.put(library.base + "/classes/5a4", "{\"name\":\"5A4\",\"grade\":5,\"schoolYear\":\"2026-2027\"}"));
        library.patron("hs-an", "Nguyễn Văn An", "STUDENT", "5a4");
        library.patron("hs-binh", "Trần Thị Bình", "STUDENT", "5a4");
        return library;
    }

    /**
     * A lower secondary school whose school year (August to July, no closed days) holds
     * {@code today}: for tests on the real clock, such as those reading live metrics.
     */
    public static LibraryFixture lowerSecondaryThisYear(ApiClient api, String school, String name, String authority,
            LocalDate today) {
        LibraryFixture library = new LibraryFixture(api, school);
        library.expect(201, api.put(library.base, "{\"name\":\"" + name + "\",\"educationLevels\":[\"LOWER_SECONDARY\"],"
                + "\"authorityId\":\"" + authority + "\"}"));
        library.expect(201, library.scheduleYearHolding(today));
        return library;
    }

    /** Sets up the August-to-July school year (no closed days) that holds {@code today}, or sets it anew. */
    public ApiClient.Answer scheduleYearHolding(LocalDate today) {
        int first = firstYearHolding(today);
        return api.put(base + "/school-years/" + schoolYearHolding(today), """
                {"startsOn":"%1$d-08-01","endsOn":"%2$d-07-31",
                 "semesters":[{"number":1,"startsOn":"%1$d-08-01","endsOn":"%2$d-01-17"},
                              {"number":2,"startsOn":"%2$d-01-18","endsOn":"%2$d-07-31"}],
                 "closedDays":[]}""".formatted(first, first + 1));
    }

    /** The label of the August-to-July school year that holds {@code day}, such as {@code 2026-2027}. */
    public static String schoolYearHolding(LocalDate day) {
        int first = firstYearHolding(day);
        return first + "-" + (first + 1);
    }

    /**
     * The start, as a request carries it, of a reading session begun {@code ago} before now, or at
     * today's midnight when that was yesterday: just after midnight on a Monday, a session begun
     * an hour ago counts for last week's metrics.
     */
    public static String sessionBegunToday(Clock clock, Duration ago) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(TimeAutoConfiguration.SCHOOL_ZONE));
        ZonedDateTime midnight = now.truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime begun = now.minus(ago);
        return (begun.isBefore(midnight) ? midnight : begun).toOffsetDateTime().toString();
    }

    private static int firstYearHolding(LocalDate day) {
        return day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
    }

    public String school() {
        return school;
    }

    /** {@code /api/v1/schools/<school>}. */
    public String base() {
        return base;
    }

    public void patron(String id, String name, String category, String classId) {
        String classPart = classId == null ? "" : ",\"classId\":\"" + classId + "\"";
        expect(201, api.put(base + "/patrons/" + id, "{\"fullName\":\"" + name + "\",\"category\":\"" + category + "\"" + classPart + "}"));
    }

    public String title(String title) {
        return expect(201, api.post(base + "/titles", "{\"title\":\"" + title + "\",\"authors\":[\"Tô Hoài\"],\"docType\":\"CHILDREN\"}"))
                .text("titleId");
    }

    public void copy(String barcode, String titleId) {
        expect(201, api.post(base + "/copies", "{\"barcode\":\"" + barcode + "\",\"titleId\":\"" + titleId + "\"}"));
    }

    public ApiClient.Answer checkOut(String barcode, String patron) {
        return api.post(base + "/checkouts", "{\"barcode\":\"" + barcode + "\",\"patronId\":\"" + patron + "\"}");
    }

    public ApiClient.Answer checkIn(String barcode) {
        return api.post(base + "/checkins", "{\"barcode\":\"" + barcode + "\"}");
    }

    public ApiClient.Answer placeHold(String titleId, String patron) {
        return api.post(base + "/holds", "{\"titleId\":\"" + titleId + "\",\"patronId\":\"" + patron + "\"}");
    }

    public ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    public static void refused(ApiClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.text("detail")).isNotBlank();
    }
}
