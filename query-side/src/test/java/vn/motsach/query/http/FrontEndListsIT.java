package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * The lists a front-end builds its screens from, over HTTP on the running query side, fed with
 * events in the real event store: paged as the contract says, filtered, a teacher kept to their
 * own classes, bad parameters refused with the field named.
 */
class FrontEndListsIT extends RunningQuerySide {

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
    void listsTheClassesOfASchoolYearWithTheirStudentsToday() {
        long position = feed.append(new ClassOpened(school, ClassId.of("7a1"), "7A1", 7, SchoolYear.of("2026-2027"), null),
                new ClassOpened(school, ClassId.of("6a2"), "6A2", 6, SchoolYear.of("2026-2027"), PatronId.of("gv-02")),
                new ClassOpened(school, ClassId.of("6a1"), "6A1", 6, SchoolYear.of("2026-2027"), PatronId.of("gv-01")),
                new ClassOpened(school, ClassId.of("5a1-2025"), "5A1", 5, SchoolYear.of("2025-2026"), null),
                student("hs-001", "Nguyễn Văn An", ClassId.of("6a1")), student("hs-002", "Trần Thị Bình", ClassId.of("6a1")),
                student("hs-003", "Lê Văn Ân", ClassId.of("6a2")),
                // a teacher given the class (a roster import names a Lớp for staff too): on its roster, not in its sĩ số
                new PatronRegistered(school, PatronId.of("gv-06a1"), "Phan Thị Huệ", PatronCategory.TEACHER, ClassId.of("6a1")));
        position = feed.append(new PatronLeft(school, PatronId.of("hs-002"), DepartureReason.TRANSFERRED, today));

        JsonNode year = get("/classes?schoolYear=2026-2027", position).json();
        assertThat(ids(year)).containsExactly("6a1", "6a2", "7a1");
        assertThat(year.has("totalItems")).isFalse();
        JsonNode a1 = year.path("items").get(0);
        assertThat(a1.path("name").asString()).isEqualTo("6A1");
        assertThat(a1.path("grade").asInt()).isEqualTo(6);
        assertThat(a1.path("schoolYear").asString()).isEqualTo("2026-2027");
        assertThat(a1.path("homeroomTeacherId").asString()).isEqualTo("gv-01");
        assertThat(a1.path("enrolled").asInt()).isEqualTo(1);
        assertThat(ids(get("/classes", position).json())).containsExactly("6a1", "6a2", "7a1", "5a1-2025");
        assertThat(ids(get("/classes?schoolYear=2024-2025", position).json())).isEmpty();

        ApiClient teacher = api.as(TestTokens.ofSchool("co-lan", "TEACHER", school.value(), "6a2"));
        assertThat(ids(teacher.get(base + "/classes?schoolYear=2026-2027").json())).containsExactly("6a2");
        assertThat(problem(api.get(base + "/classes?schoolYear=2026-2028"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/classes?schoolYear=nam-nay"))).isEqualTo("400 VALIDATION_FAILED");
    }

    /**
     * Students who joined a class after its school year's last day (a roster imported late into
     * last year's classes) are counted apart: the rollover page shows them, as the rollover refuses them.
     */
    @Test
    void countsTheStudentsWhoJoinedAClassAfterItsYearEnded() {
        int first = Integer.parseInt(LibraryFixture.schoolYearHolding(today).substring(0, 4));
        SchoolYear thisYear = SchoolYear.of(first + "-" + (first + 1));
        SchoolYear lastYear = SchoolYear.of((first - 1) + "-" + first);
        SchoolYear yearBefore = SchoolYear.of((first - 2) + "-" + (first - 1));
        long position = feed.append(
                new SchoolYearScheduled(school, lastYear, today.minusDays(400), today.minusDays(30), List.of(), List.of()),
                new SchoolYearScheduled(school, thisYear, today.minusDays(29), today.plusDays(300), List.of(), List.of()),
                new ClassOpened(school, ClassId.of("6a-old"), "6A", 6, lastYear, null),
                new ClassOpened(school, ClassId.of("6a-new"), "6A", 6, thisYear, null),
                // a year never scheduled ends the day before the next one begins
                new ClassOpened(school, ClassId.of("5a-older"), "5A", 5, yearBefore, null),
                student("hs-001", "Nguyễn Văn An", ClassId.of("6a-old")), student("hs-002", "Trần Thị Bình", ClassId.of("6a-old")),
                student("hs-003", "Lê Văn Ân", ClassId.of("6a-new")), student("hs-004", "Phạm Minh Châu", ClassId.of("5a-older")));

        JsonNode classes = get("/classes", position).json();

        assertThat(ids(classes)).containsExactly("6a-new", "6a-old", "5a-older");
        assertThat(classes.path("items").findValues("lateJoiners").stream().map(JsonNode::asInt).toList()).containsExactly(0, 2, 1);
        assertThat(classes.path("items").findValues("enrolled").stream().map(JsonNode::asInt).toList()).containsExactly(1, 2, 1);
    }

    @Test
    void listsCopiesOfATitleOrInAStatusAndShowsALoanAndAHoldById() {
        TitleId deMen = TitleId.of(uuid("title:de-men"));
        TitleId datRung = TitleId.of(uuid("title:dat-rung"));
        LoanId loan = LoanId.of(uuid("loan:1"));
        HoldId hold = HoldId.of(uuid("hold:1"));
        Instant now = Instant.parse("2026-09-07T01:00:00Z");
        long position = feed.append(
                new TitleCatalogued(school, deMen, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, null, List.of(),
                        DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, datRung, "Đất rừng phương Nam", List.of("Đoàn Giỏi"), null, null, null, null,
                        List.of(), DocType.CHILDREN, "vie"),
                copy("TN-003", deMen), copy("TN-001", deMen), copy("TN-002", deMen), copy("TN-010", datRung),
                new CopyCheckedOut(school, loan, Barcode.of("TN-001"), deMen, "Dế Mèn phiêu lưu ký", DocType.CHILDREN,
                        PatronId.of("hs-001"), PatronCategory.STUDENT, ClassId.of("6a1"), now, today.plusDays(14), null),
                new CopyWithdrawn(school, Barcode.of("TN-002"), deMen, "Rách nát", today),
                new HoldPlaced(school, HoldId.of(uuid("hold:0")), datRung, PatronId.of("hs-002"), PatronCategory.STUDENT, null,
                        now, 1),
                new HoldPlaced(school, hold, datRung, PatronId.of("hs-003"), PatronCategory.STUDENT, null, now, 2));

        JsonNode ofTitle = get("/copies?titleId=" + deMen, position).json();
        assertThat(barcodes(ofTitle)).containsExactly("TN-001:ON_LOAN", "TN-002:WITHDRAWN", "TN-003:AVAILABLE");
        assertThat(ofTitle.path("totalItems").asLong()).isEqualTo(3);
        assertThat(ofTitle.path("items").get(0).path("loan").path("loanId").asString()).isEqualTo(loan.toString());
        assertThat(barcodes(get("/copies?status=AVAILABLE", position).json())).containsExactly("TN-003:AVAILABLE",
                "TN-010:AVAILABLE");
        assertThat(barcodes(get("/copies?status=ON_LOAN", position).json())).containsExactly("TN-001:ON_LOAN");
        assertThat(barcodes(get("/copies?titleId=" + deMen + "&status=WITHDRAWN", position).json()))
                .containsExactly("TN-002:WITHDRAWN");
        JsonNode paged = get("/copies?size=1&page=3", position).json();
        assertThat(barcodes(paged)).containsExactly("TN-010:AVAILABLE");
        assertThat(paged.path("totalItems").asLong()).isEqualTo(4);

        JsonNode theLoan = get("/loans/" + loan, position).json();
        assertThat(theLoan.path("barcode").asString()).isEqualTo("TN-001");
        assertThat(theLoan.path("patronId").asString()).isEqualTo("hs-001");
        assertThat(theLoan.path("dueOn").asString()).isEqualTo(today.plusDays(14).toString());
        assertThat(theLoan.path("overdue").asBoolean()).isFalse();
        JsonNode theHold = get("/holds/" + hold, position).json();
        assertThat(theHold.path("patronId").asString()).isEqualTo("hs-003");
        assertThat(theHold.path("status").asString()).isEqualTo("WAITING");
        assertThat(theHold.path("position").asInt()).isEqualTo(2);

        assertThat(problem(api.get(base + "/loans/" + UUID.randomUUID()))).isEqualTo("404 LOAN_NOT_FOUND");
        assertThat(problem(api.get(base + "/holds/" + UUID.randomUUID()))).isEqualTo("404 HOLD_NOT_FOUND");
        assertThat(problem(api.get(base + "/loans/not-a-uuid"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/holds/not-a-uuid"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/copies?status=LOST_AT_SEA"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/copies?titleId=x"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/copies?size=500"))).isEqualTo("400 VALIDATION_FAILED");
    }

    @Test
    void showsTheSchoolYearsAndTheLoanPoliciesTheSchoolSetUp() {
        feed.append(new SchoolYearScheduled(school, SchoolYear.of("2025-2026"), LocalDate.of(2025, 9, 5), LocalDate.of(2026, 5, 31),
                List.of(new Semester(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 15)),
                        new Semester(2, LocalDate.of(2026, 1, 16), LocalDate.of(2026, 5, 31))),
                List.of(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 16))));
        feed.append(new SchoolYearScheduled(school, SchoolYear.of("2026-2027"), LocalDate.of(2026, 9, 5), LocalDate.of(2027, 5, 31),
                List.of(new Semester(1, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 1, 15))), List.of()));
        long position = feed.append(new SchoolYearScheduled(school, SchoolYear.of("2026-2027"), LocalDate.of(2026, 9, 7),
                        LocalDate.of(2027, 5, 29),
                        List.of(new Semester(2, LocalDate.of(2027, 1, 18), LocalDate.of(2027, 5, 29)),
                                new Semester(1, LocalDate.of(2026, 9, 7), LocalDate.of(2027, 1, 16))),
                        List.of(LocalDate.of(2027, 2, 5))),
                new LoanPolicySet(school, PatronCategory.STUDENT, 7, 3, 2, 4));

        JsonNode years = get("/school-years", position).json();
        assertThat(years.path("items").size()).isEqualTo(2);
        JsonNode current = years.path("items").get(0);
        assertThat(current.path("schoolYear").asString()).isEqualTo("2026-2027");
        assertThat(current.path("startsOn").asString()).isEqualTo("2026-09-07");
        assertThat(current.path("endsOn").asString()).isEqualTo("2027-05-29");
        assertThat(current.path("semesters").size()).isEqualTo(2);
        assertThat(current.path("semesters").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(current.path("semesters").get(0).path("endsOn").asString()).isEqualTo("2027-01-16");
        assertThat(current.path("semesters").get(1).path("startsOn").asString()).isEqualTo("2027-01-18");
        assertThat(current.path("closedDays").get(0).asString()).isEqualTo("2027-02-05");
        JsonNode last = get("/school-years/2025-2026", position).json();
        assertThat(last.path("closedDays").toString()).isEqualTo("[\"2026-02-16\",\"2026-02-17\"]");
        assertThat(last.path("semesters").size()).isEqualTo(2);

        JsonNode policies = get("/loan-policies", position).json();
        assertThat(policies.path("items").size()).isEqualTo(3);
        JsonNode students = policies.path("items").get(0);
        assertThat(students.path("category").asString()).isEqualTo("STUDENT");
        assertThat(students.path("loanDays").asInt()).isEqualTo(7);
        assertThat(students.path("maxLoans").asInt()).isEqualTo(3);
        assertThat(students.path("maxRenewals").asInt()).isEqualTo(2);
        assertThat(students.path("holdPickupDays").asInt()).isEqualTo(4);
        assertThat(students.path("setBySchool").asBoolean()).isTrue();
        JsonNode teachers = get("/loan-policies/TEACHER", position).json();
        assertThat(teachers.path("loanDays").asInt()).isEqualTo(30);
        assertThat(teachers.path("maxLoans").asInt()).isEqualTo(5);
        assertThat(teachers.path("setBySchool").asBoolean()).isFalse();

        assertThat(problem(api.get(base + "/school-years/2024-2025"))).isEqualTo("404 SCHOOL_YEAR_NOT_FOUND");
        assertThat(problem(api.get(base + "/school-years/2024-2026"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/loan-policies/PUPIL"))).isEqualTo("400 VALIDATION_FAILED");
    }

    @Test
    void listsSchoolsForTheSystemAdministratorAndAnAuthoritysSchoolsForItsAdministrator() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        AuthorityId district = AuthorityId.of("pgd-" + tag);
        AuthorityId other = AuthorityId.of("so-" + tag);
        SchoolId hoaSen = SchoolId.of("th-hoa-sen-" + tag);
        SchoolId anBinh = SchoolId.of("th-an-binh-" + tag);
        SchoolId dongDa = SchoolId.of("thcs-dong-da-" + tag);
        long position = feed.append(
                new SchoolRegistered(hoaSen, "Trường Tiểu học Hoa Sen", List.of(EducationLevel.PRIMARY), district),
                new SchoolRegistered(anBinh, "Trường Tiểu học An Bình", List.of(EducationLevel.PRIMARY), district),
                new SchoolRegistered(dongDa, "Trường THCS Đống Đa", List.of(EducationLevel.LOWER_SECONDARY), other));

        JsonNode ofDistrict = absolute("/api/v1/schools?authorityId=" + district, position).json();
        assertThat(schoolIds(ofDistrict)).containsExactly(anBinh.value(), hoaSen.value());
        assertThat(ofDistrict.path("totalItems").asLong()).isEqualTo(2);
        assertThat(ofDistrict.path("items").get(0).path("name").asString()).isEqualTo("Trường Tiểu học An Bình");
        assertThat(ofDistrict.path("items").get(0).path("educationLevels").get(0).asString()).isEqualTo("PRIMARY");
        JsonNode everySchool = absolute("/api/v1/schools?size=200", position).json();
        assertThat(everySchool.path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(schoolIds(absolute("/api/v1/schools?authorityId=" + district + "&size=1&page=1", position).json()))
                .containsExactly(hoaSen.value());

        JsonNode authorities = absolute("/api/v1/authorities?size=200", position).json();
        List<String> counts = new ArrayList<>();
        authorities.path("items").forEach(item -> counts.add(item.path("authorityId").asString() + ":"
                + item.path("schoolCount").asLong()));
        assertThat(counts).contains(district + ":2", other + ":1");

        ApiClient admin = api.as(TestTokens.ofAuthority("phong-gd", district.value()));
        assertThat(schoolIds(admin.get("/api/v1/authorities/" + district + "/schools").json()))
                .containsExactly(anBinh.value(), hoaSen.value());
        assertThat(admin.get("/api/v1/authorities/" + other + "/schools").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/schools").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/authorities").status()).isEqualTo(403);
        assertThat(problem(api.get("/api/v1/schools?authorityId=S%C6%A0"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get("/api/v1/authorities?size=1000"))).isEqualTo("400 VALIDATION_FAILED");
    }

    @Test
    void listsLibraryPeriodsReadingEventsAndAPatronsSessionsATeacherSeeingTheirClassesOnly() {
        ClassId a1 = ClassId.of("6a1");
        ClassId a2 = ClassId.of("6a2");
        LocalDate monday = LocalDate.of(2026, 9, 14);
        PeriodId first = PeriodId.of(uuid("period:1"));
        PeriodId second = PeriodId.of(uuid("period:2"));
        PeriodId other = PeriodId.of(uuid("period:3"));
        ReadingEventId festival = ReadingEventId.of(uuid("event:festival"));
        ReadingEventId contest = ReadingEventId.of(uuid("event:contest"));
        feed.append(new ClassOpened(school, a1, "6A1", 6, SchoolYear.of("2026-2027"), null),
                new ClassOpened(school, a2, "6A2", 6, SchoolYear.of("2026-2027"), null),
                student("hs-001", "Nguyễn Văn An", a1), student("hs-002", "Trần Thị Bình", a1),
                student("hs-003", "Lê Văn Ân", a2));
        long position = feed.append(
                new LibraryPeriodHeld(school, first, a1, monday, PeriodActivity.FREE_READING,
                        List.of(PatronId.of("hs-001"), PatronId.of("hs-002")), 2, PatronId.of("gv-01"), "Đọc truyện cổ tích"),
                new LibraryPeriodHeld(school, second, a1, monday.plusDays(7), PeriodActivity.BOOK_TALK,
                        List.of(PatronId.of("hs-001")), 2, null, null),
                new LibraryPeriodHeld(school, other, a2, monday.plusDays(1), PeriodActivity.STORYTELLING,
                        List.of(PatronId.of("hs-003")), 1, null, null),
                new ReadingEventScheduled(school, festival, "Ngày hội đọc sách", ReadingEventKind.FESTIVAL, monday.plusDays(2),
                        monday.plusDays(4), List.of(a1, a2)),
                new ReadingEventScheduled(school, contest, "Thi kể chuyện", ReadingEventKind.CONTEST, monday.plusDays(20),
                        monday.plusDays(20), List.of(a2)),
                new ReadingEventParticipationRecorded(school, festival, monday.plusDays(2),
                        List.of(new Participant(PatronId.of("hs-001"), PatronCategory.STUDENT, a1),
                                new Participant(PatronId.of("hs-003"), PatronCategory.STUDENT, a2))),
                new ReadingEventParticipationRecorded(school, festival, monday.plusDays(3),
                        List.of(new Participant(PatronId.of("hs-002"), PatronCategory.STUDENT, a1))),
                session("s1", "hs-001", a1, "2026-09-14T02:00:00Z", 30, ReadingPlace.LIBRARY, false),
                session("s2", "hs-001", a1, "2026-09-15T13:00:00Z", 45, ReadingPlace.HOME, true),
                session("s3", "hs-001", a1, "2026-09-20T18:00:00Z", 20, ReadingPlace.CLASS_CORNER, false),
                session("s4", "hs-003", a2, "2026-09-15T02:00:00Z", 15, ReadingPlace.LIBRARY, false));

        JsonNode periods = get("/library-periods", position).json();
        assertThat(periodIds(periods)).containsExactly(second.toString(), other.toString(), first.toString());
        JsonNode theFirst = get("/library-periods?classId=6a1&to=" + monday, position).json().path("items").get(0);
        assertThat(theFirst.path("periodId").asString()).isEqualTo(first.toString());
        assertThat(theFirst.path("heldOn").asString()).isEqualTo(monday.toString());
        assertThat(theFirst.path("activity").asString()).isEqualTo("FREE_READING");
        assertThat(theFirst.path("attendees").asInt()).isEqualTo(2);
        assertThat(theFirst.path("enrolledStudents").asInt()).isEqualTo(2);
        assertThat(theFirst.path("note").asString()).isEqualTo("Đọc truyện cổ tích");
        assertThat(periodIds(get("/library-periods?from=" + monday.plusDays(1) + "&to=" + monday.plusDays(6), position).json()))
                .containsExactly(other.toString());
        assertThat(get("/library-periods?size=1&page=2", position).json().path("totalItems").asLong()).isEqualTo(3);

        JsonNode events = get("/reading-events", position).json();
        assertThat(eventIds(events)).containsExactly(contest.toString(), festival.toString());
        JsonNode theFestival = events.path("items").get(1);
        assertThat(theFestival.path("name").asString()).isEqualTo("Ngày hội đọc sách");
        assertThat(theFestival.path("kind").asString()).isEqualTo("FESTIVAL");
        assertThat(theFestival.path("participants").asInt()).isEqualTo(3);
        assertThat(theFestival.path("classIds").size()).isEqualTo(2);
        assertThat(eventIds(get("/reading-events?classId=6a1", position).json())).containsExactly(festival.toString());
        assertThat(eventIds(get("/reading-events?from=" + monday.plusDays(4) + "&to=" + monday.plusDays(10), position).json()))
                .containsExactly(festival.toString());

        JsonNode sessions = get("/patrons/hs-001/reading-sessions", position).json();
        assertThat(sessions.path("totalItems").asLong()).isEqualTo(3);
        assertThat(sessions.path("items").get(0).path("sessionId").asString()).isEqualTo(uuid("session:s3").toString());
        assertThat(sessions.path("items").get(1).path("place").asString()).isEqualTo("HOME");
        assertThat(sessions.path("items").get(1).path("selfReported").asBoolean()).isTrue();
        assertThat(sessions.path("items").get(2).path("minutes").asInt()).isEqualTo(30);
        // dates are the school's: 2026-09-20T18:00Z is already the 21st in Hà Nội
        assertThat(get("/patrons/hs-001/reading-sessions?from=2026-09-15&to=2026-09-20", position).json()
                .path("totalItems").asLong()).isEqualTo(1);

        ApiClient teacher = api.as(TestTokens.ofSchool("co-lan", "TEACHER", school.value(), "6a2"));
        assertThat(periodIds(teacher.get(base + "/library-periods").json())).containsExactly(other.toString());
        JsonNode hers = teacher.get(base + "/reading-events").json();
        assertThat(eventIds(hers)).containsExactly(contest.toString(), festival.toString());
        assertThat(hers.path("items").get(1).path("participants").asInt()).isEqualTo(1);
        assertThat(teacher.get(base + "/patrons/hs-003/reading-sessions").json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(problem(teacher.get(base + "/patrons/hs-001/reading-sessions"))).isEqualTo("403 NOT_YOUR_CLASS");
        assertThat(problem(teacher.get(base + "/library-periods?classId=6a1"))).isEqualTo("403 NOT_YOUR_CLASS");
        assertThat(problem(teacher.get(base + "/reading-events?classId=6a1"))).isEqualTo("403 NOT_YOUR_CLASS");

        assertThat(problem(api.get(base + "/patrons/khong-co/reading-sessions"))).isEqualTo("404 PATRON_NOT_FOUND");
        assertThat(problem(api.get(base + "/library-periods?from=2026-09-20&to=2026-09-01"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/library-periods?from=%2B9999999-01-01"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/reading-events?to=1999-12-31"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/reading-events?from=hom-qua"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons/hs-001/reading-sessions?to=2101-01-01"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(api.get(base + "/library-periods?from=2026-09-20&to=2026-09-01").json().path("errors").get(0)
                .path("field").asString()).isEqualTo("to");
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

    CopyAccessioned copy(String barcode, TitleId title) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, "Sách", DocType.CHILDREN, LocalDate.of(2026, 8, 20),
                "Mua", new BigDecimal("45000"), true);
    }

    ApiClient.Answer absolute(String path, long position) {
        ApiClient.Answer answer = api.get(path, "X-Min-Event-Position", Long.toString(position));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    static List<String> schoolIds(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("items").forEach(item -> found.add(item.path("schoolId").asString()));
        return found;
    }

    ReadingSessionRecorded session(String id, String patron, ClassId classId, String startedAt, int minutes, ReadingPlace place,
            boolean selfReported) {
        return new ReadingSessionRecorded(school, ReadingSessionId.of(uuid("session:" + id)), PatronId.of(patron),
                PatronCategory.STUDENT, classId, null, Instant.parse(startedAt), minutes, place, selfReported);
    }

    static List<String> periodIds(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("items").forEach(item -> found.add(item.path("periodId").asString()));
        return found;
    }

    static List<String> eventIds(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("items").forEach(item -> found.add(item.path("eventId").asString()));
        return found;
    }

    static List<String> barcodes(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("items").forEach(item -> found.add(item.path("barcode").asString() + ":" + item.path("status").asString()));
        return found;
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
