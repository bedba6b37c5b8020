package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.testing.ApiClient;

/**
 * Every query endpoint over HTTP, on the running query side with its live processors, fed with
 * events stored in the real event store. Every read names the position of the last event
 * stored, as a front-end does after a command, and must see it.
 */
class QueryApiIT extends RunningQuerySide {

    static final String DE_MEN = "Dế Mèn phiêu lưu ký";
    static final String DAT_RUNG = "Đất rừng phương Nam";
    static final String TAM_LONG = "Những tấm lòng cao cả";
    static final String HOA_VANG = "Tôi thấy hoa vàng trên cỏ xanh";
    static final Instant NOW = Instant.parse("2026-09-07T01:00:00Z");

    @Test
    void searchesTheCatalogueIgnoringDiacritics() {
        long position = catalogueTheClassics();
        position = feed.append(copy("TN-001", DE_MEN), copy("TN-002", DE_MEN), copy("TN-003", DAT_RUNG),
                checkout("l1", "TN-001", DE_MEN, "hs-001", today.plusDays(14)));

        JsonNode deMen = get("/titles?q=de%20men", position).json();
        assertThat(deMen.path("totalItems").asLong()).isEqualTo(1);
        assertThat(deMen.path("page").asInt()).isZero();
        assertThat(deMen.path("size").asInt()).isEqualTo(20);
        JsonNode title = deMen.path("items").get(0);
        assertThat(title.path("title").asString()).isEqualTo(DE_MEN);
        assertThat(title.path("authors").get(0).asString()).isEqualTo("Tô Hoài");
        assertThat(title.path("availableCopies").asInt()).isEqualTo(1);
        assertThat(title.path("totalCopies").asInt()).isEqualTo(2);
        assertThat(title.path("docType").asString()).isEqualTo("CHILDREN");

        assertThat(titles(get("/titles?q=dat%20rung%20phuong%20nam", position))).containsExactly(DAT_RUNG);
        assertThat(titles(get("/titles?q=NHUNG%20TAM%20LONG", position))).containsExactly(TAM_LONG);
        assertThat(titles(get("/titles?q=hoa%20v%C3%A0ng", position))).containsExactly(HOA_VANG);
        assertThat(titles(get("/titles?q=TN-003", position))).containsExactly(DAT_RUNG);
        assertThat(titles(get("/titles?docType=GENERAL", position))).containsExactly(TAM_LONG);
        JsonNode paged = get("/titles?size=2&page=1", position).json();
        assertThat(paged.path("totalItems").asLong()).isEqualTo(4);
        assertThat(paged.path("items").size()).isEqualTo(2);
    }

    @Test
    void showsATitleWithItsCopiesAndACopyWithItsLoan() {
        catalogueTheClassics();
        long position = feed.append(copy("TN-001", DE_MEN), copy("TN-002", DE_MEN),
                checkout("l1", "TN-001", DE_MEN, "hs-001", today.minusDays(1)));

        JsonNode title = get("/titles/" + titleId(DE_MEN), position).json();
        assertThat(title.path("title").asString()).isEqualTo(DE_MEN);
        assertThat(title.path("copies").size()).isEqualTo(2);
        assertThat(title.path("copies").get(0).path("status").asString()).isEqualTo("ON_LOAN");
        assertThat(title.path("copies").get(1).path("status").asString()).isEqualTo("AVAILABLE");

        JsonNode copy = get("/copies/TN-001", position).json();
        assertThat(copy.path("status").asString()).isEqualTo("ON_LOAN");
        assertThat(copy.path("title").asString()).isEqualTo(DE_MEN);
        assertThat(copy.path("titleId").asString()).isEqualTo(titleId(DE_MEN).toString());
        assertThat(copy.path("loanable").asBoolean()).isTrue();
        assertThat(copy.path("price").decimalValue()).isEqualByComparingTo("45000");
        assertThat(copy.path("callNumber").isNull()).isTrue();
        assertThat(copy.path("loan").path("loanId").asString()).isEqualTo(loanId("l1").toString());
        assertThat(copy.path("loan").path("patronId").asString()).isEqualTo("hs-001");
        assertThat(copy.path("loan").path("dueOn").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(copy.path("loan").path("overdue").asBoolean()).isTrue();

        position = feed.append(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.HOLD_SHELF, holdId("h1")),
                new HoldReadyForPickup(school, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"), Barcode.of("TN-001"), NOW,
                        today.plusDays(3)));
        JsonNode onHoldShelf = get("/copies/TN-001", position).json();
        assertThat(onHoldShelf.path("status").asString()).isEqualTo("ON_HOLD_SHELF");
        assertThat(onHoldShelf.path("loan").isNull()).isTrue();
        assertThat(onHoldShelf.path("hold").path("patronId").asString()).isEqualTo("hs-002");
    }

    @Test
    void showsAPatronWithOpenLoansAndHoldsAndTheirLoanHistory() {
        catalogueTheClassics();
        feed.append(new ClassOpened(school, ClassId.of("6a1"), "6A1", 6, SchoolYear.of("2026-2027"), null),
                new PatronRegistered(school, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, ClassId.of("6a1")),
                copy("TN-001", DE_MEN), copy("TN-002", DAT_RUNG));
        feed.append(checkout("l1", "TN-001", DE_MEN, "hs-001", today.plusDays(7)));
        feed.append(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null));
        feed.append(checkout("l2", "TN-002", DAT_RUNG, "hs-001", today.minusDays(2)));
        long position = feed.append(
                new HoldPlaced(school, holdId("h0"), titleId(HOA_VANG), PatronId.of("hs-009"), PatronCategory.STUDENT, null, NOW, 1),
                new HoldPlaced(school, holdId("h1"), titleId(HOA_VANG), PatronId.of("hs-001"), PatronCategory.STUDENT, null, NOW, 2));

        JsonNode patron = get("/patrons/hs-001", position).json();
        assertThat(patron.path("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(patron.path("classId").asString()).isEqualTo("6a1");
        assertThat(patron.path("active").asBoolean()).isTrue();
        assertThat(patron.path("openLoans").size()).isEqualTo(1);
        assertThat(patron.path("openLoans").get(0).path("loanId").asString()).isEqualTo(loanId("l2").toString());
        assertThat(patron.path("openLoans").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(patron.path("holds").size()).isEqualTo(1);
        assertThat(patron.path("holds").get(0).path("position").asInt()).isEqualTo(2);
        assertThat(patron.path("holds").get(0).path("status").asString()).isEqualTo("WAITING");

        JsonNode all = get("/patrons/hs-001/loans?status=ALL", position).json();
        assertThat(all.path("totalItems").asLong()).isEqualTo(2);
        assertThat(all.path("items").get(0).path("loanId").asString()).isEqualTo(loanId("l2").toString());
        assertThat(all.path("items").get(1).path("returnedAt").isNull()).isFalse();
        JsonNode open = get("/patrons/hs-001/loans?status=OPEN", position).json();
        assertThat(open.path("totalItems").asLong()).isEqualTo(1);
        assertThat(open.path("items").get(0).path("title").asString()).isEqualTo(DAT_RUNG);
        assertThat(open.path("items").get(0).path("classId").asString()).isEqualTo("6a1");
    }

    @Test
    void listsOverdueLoansByClass() {
        catalogueTheClassics();
        long position = feed.append(copy("TN-001", DE_MEN), copy("TN-002", DE_MEN), copy("TN-003", DE_MEN),
                new PatronRegistered(school, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, ClassId.of("6a1")),
                checkout("late-6a1", "TN-001", DE_MEN, "hs-001", today.minusDays(3)),
                checkoutIn("late-6a2", "TN-002", "hs-002", "6a2", today.minusDays(1)),
                checkout("fine-6a1", "TN-003", DE_MEN, "hs-003", today.plusDays(3)));

        assertThat(loanIds(get("/loans?overdue=true", position))).containsExactly(loanId("late-6a1"), loanId("late-6a2"));
        assertThat(loanIds(get("/loans?overdue=true&classId=6a1", position))).containsExactly(loanId("late-6a1"));
        assertThat(loanIds(get("/loans?classId=6a1", position))).containsExactly(loanId("late-6a1"), loanId("fine-6a1"));
        assertThat(loanIds(get("/loans", position))).hasSize(3);
        // an overdue list is read by the patron's name and the title's, as the roster and the catalogue have them
        JsonNode late = get("/loans?overdue=true", position).json().path("items");
        assertThat(late.get(0).path("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(late.get(0).path("title").asString()).isEqualTo(DE_MEN);
        assertThat(late.get(1).path("fullName").isNull()).as("a patron the roster does not have yet").isTrue();
    }

    @Test
    void listsHoldsInQueueOrder() {
        catalogueTheClassics();
        long position = feed.append(
                new PatronRegistered(school, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, ClassId.of("6a1")),
                new HoldPlaced(school, holdId("an"), titleId(DE_MEN), PatronId.of("hs-001"), PatronCategory.STUDENT, null, NOW, 1),
                new HoldPlaced(school, holdId("binh"), titleId(DE_MEN), PatronId.of("hs-002"), PatronCategory.STUDENT, null, NOW, 2),
                new HoldPlaced(school, holdId("chi"), titleId(DE_MEN), PatronId.of("hs-003"), PatronCategory.STUDENT, null, NOW, 3),
                new HoldReadyForPickup(school, holdId("an"), titleId(DE_MEN), PatronId.of("hs-001"), Barcode.of("TN-001"), NOW,
                        today.plusDays(3)));

        JsonNode queue = get("/holds?titleId=" + titleId(DE_MEN), position).json();
        List<String> seen = new ArrayList<>();
        queue.path("items").forEach(hold -> seen.add(hold.path("patronId").asString() + ":" + hold.path("status").asString()
                + ":" + (hold.path("position").isNull() ? "-" : hold.path("position").asInt())));
        assertThat(seen).containsExactly("hs-001:READY:-", "hs-002:WAITING:1", "hs-003:WAITING:2");
        assertThat(queue.path("items").get(0).path("pickupBy").asString()).isEqualTo(today.plusDays(3).toString());
        // the hold shelf says which book it keeps for whom
        assertThat(queue.path("items").get(0).path("title").asString()).isEqualTo(DE_MEN);
        assertThat(queue.path("items").get(0).path("fullName").asString()).isEqualTo("Nguyễn Văn An");
        JsonNode shelf = get("/holds?status=READY", position).json();
        assertThat(shelf.path("items").size()).isEqualTo(1);
        assertThat(shelf.path("items").get(0).path("barcode").asString()).isEqualTo("TN-001");
        JsonNode mine = get("/holds?patronId=hs-003", position).json();
        assertThat(mine.path("items").size()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("position").asInt()).isEqualTo(2);
    }

    /** A departure recorded ahead (a rollover's graduation) has not happened: the patron is active, leaving on that day. */
    @Test
    void showsThePatronWhoLeavesOnADayAheadAsStillHere() {
        feed.append(new ClassOpened(school, ClassId.of("9a1"), "9A1", 9, SchoolYear.of("2026-2027"), null),
                new PatronRegistered(school, PatronId.of("hs-009"), "Võ Thị Hoa", PatronCategory.STUDENT, ClassId.of("9a1")));
        long position = feed.append(new PatronLeft(school, PatronId.of("hs-009"), vn.motsach.events.DepartureReason.GRADUATED,
                today.plusDays(20)));

        JsonNode patron = get("/patrons/hs-009", position).json();
        assertThat(patron.path("active").asBoolean()).isTrue();
        assertThat(patron.path("leftOn").isNull()).isTrue();
        assertThat(patron.path("leavesOn").asString()).isEqualTo(today.plusDays(20).toString());
        assertThat(patron.path("classId").asString()).isEqualTo("9a1");
    }

    @Test
    void showsAClassRosterAtADate() {
        ClassId a1 = ClassId.of("6a1");
        ClassId a2 = ClassId.of("6a2");
        feed.append(new ClassOpened(school, a1, "6A1", 6, SchoolYear.of("2026-2027"), PatronId.of("gv-01")),
                new ClassOpened(school, a2, "6A2", 6, SchoolYear.of("2026-2027"), null),
                new PatronRegistered(school, PatronId.of("hs-001"), "Trần Thị Bình", PatronCategory.STUDENT, a1),
                new PatronRegistered(school, PatronId.of("hs-002"), "Lê Văn An", PatronCategory.STUDENT, a1),
                new PatronRegistered(school, PatronId.of("hs-003"), "Phạm Minh Châu", PatronCategory.STUDENT, a1));
        LocalDate registered = today;
        long position = feed.append(
                new PatronMovedToClass(school, PatronId.of("hs-003"), a1, a2, registered.plusDays(10)),
                new PatronLeft(school, PatronId.of("hs-002"), vn.motsach.events.DepartureReason.TRANSFERRED, registered.plusDays(20)));

        JsonNode now = get("/classes/6a1", position).json();
        assertThat(now.path("name").asString()).isEqualTo("6A1");
        assertThat(now.path("homeroomTeacherId").asString()).isEqualTo("gv-01");
        assertThat(roster(now)).containsExactly("hs-002", "hs-001", "hs-003");
        assertThat(roster(get("/classes/6a1?on=" + registered.plusDays(10), position).json())).containsExactly("hs-002", "hs-001");
        assertThat(roster(get("/classes/6a1?on=" + registered.plusDays(20), position).json())).containsExactly("hs-001");
        assertThat(roster(get("/classes/6a2?on=" + registered.plusDays(10), position).json())).containsExactly("hs-003");
        assertThat(roster(get("/classes/6a1?on=" + registered.minusDays(1), position).json())).isEmpty();
    }

    @Test
    void everyQueryWaitsForTheEventItNames() {
        // each endpoint asked right after an append, naming its position, sees what was appended
        catalogueTheClassics();
        feed.append(new ClassOpened(school, ClassId.of("6a1"), "6A1", 6, SchoolYear.of("2026-2027"), null));
        long position = feed.append(copy("TN-001", DE_MEN));
        assertThat(get("/titles?q=de%20men", position).json().path("items").get(0).path("totalCopies").asInt()).isEqualTo(1);
        assertThat(get("/titles/" + titleId(DE_MEN), position).json().path("copies").size()).isEqualTo(1);
        assertThat(get("/copies/TN-001", position).status()).isEqualTo(200);

        position = feed.append(new PatronRegistered(school, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT,
                ClassId.of("6a1")));
        assertThat(get("/patrons/hs-001", position).status()).isEqualTo(200);
        assertThat(roster(get("/classes/6a1", position).json())).containsExactly("hs-001");

        position = feed.append(checkout("l1", "TN-001", DE_MEN, "hs-001", today.minusDays(1)));
        assertThat(get("/patrons/hs-001/loans", position).json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/loans?overdue=true", position).json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/copies/TN-001", position).json().path("status").asString()).isEqualTo("ON_LOAN");

        position = feed.append(new HoldPlaced(school, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"),
                PatronCategory.STUDENT, null, NOW, 1));
        assertThat(get("/holds?titleId=" + titleId(DE_MEN), position).json().path("items").size()).isEqualTo(1);
        assertThat(get("/api/v1/schools/" + school.value(), position, false).status()).isEqualTo(404);
    }

    @Test
    void aPositionNotReachedWithinTwoSecondsIsAnsweredWith503() {
        long head = jdbc.sql("select coalesce(max(globalindex), 0) from domainevententry").query(Long.class).single();

        ApiClient.Answer behind = api.get(base + "/titles", "X-Min-Event-Position", Long.toString(head + 1_000_000));
        ApiClient.Answer malformed = api.get(base + "/titles", "X-Min-Event-Position", "soon");

        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.header("Retry-After")).isPresent();
        assertThat(behind.text("code")).isEqualTo("PROJECTION_BEHIND");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void unknownIdsAre404AndBadInputIs400() {
        assertThat(problem(api.get(base + "/titles/" + UUID.randomUUID()))).isEqualTo("404 TITLE_NOT_FOUND");
        assertThat(problem(api.get(base + "/copies/KHONG-CO"))).isEqualTo("404 COPY_NOT_FOUND");
        assertThat(problem(api.get(base + "/patrons/khong-co"))).isEqualTo("404 PATRON_NOT_FOUND");
        assertThat(problem(api.get(base + "/patrons/khong-co/loans"))).isEqualTo("404 PATRON_NOT_FOUND");
        assertThat(problem(api.get(base + "/classes/khong-co"))).isEqualTo("404 CLASS_NOT_FOUND");
        assertThat(api.get(base + "/copies/KHONG-CO").text("detail")).startsWith("Không có bản sách").endsWith("KHONG-CO.");
        assertThat(api.get(base + "/copies/KHONG-CO", "Accept-Language", "en").text("detail"))
                .startsWith("There is no copy").endsWith("KHONG-CO.");

        assertThat(problem(api.get(base + "/titles/not-a-uuid"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/titles?size=201"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/titles?page=-1"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/titles?docType=NOVEL"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/patrons/hs-001/loans?status=SOME"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/loans?overdue=maybe"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/holds?titleId=x"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/classes/6a1?on=tomorrow"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get("/api/v1/schools/TH_HONG/titles"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(api.get(base + "/titles?size=201").json().path("errors").get(0).path("field").asString()).isEqualTo("size");
        // the Liên thông lists are paged as every other list
        for (String list : List.of("/rotations", "/interlibrary-loans")) {
            assertThat(problem(api.get(base + list + "?size=201"))).as(list).isEqualTo("400 VALIDATION_FAILED");
            assertThat(problem(api.get(base + list + "?page=-1"))).as(list).isEqualTo("400 VALIDATION_FAILED");
            JsonNode page = api.get(base + list + "?size=5").json();
            assertThat(List.of(page.path("page").asInt(), page.path("size").asInt(), page.path("totalItems").asInt()))
                    .as(list).containsExactly(0, 5, 0);
        }
    }

    @Test
    void exposesEachProjectionsLagInHealthAndMetrics() {
        feed.append(copy("TN-001", DE_MEN));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = api.get("/actuator/health").json().path("components").path("projections");
            assertThat(health.path("status").asString()).isEqualTo("UP");
            for (String projection : List.of("catalogue", "loans", "holds", "patrons", "class-directory",
                    "school-directory", "school-set-up", "reading-activities", "stocktaking", "school-supervision", "circular-16",
                    "interop-groups", "interlibrary-loans", "reading-targets", "rotations")) {
                assertThat(health.path("details").path("projections").path(projection).path("lag").asLong())
                        .as(projection).isZero();
            }
        });
        JsonNode metric = api.get("/actuator/metrics/motsach.projection.lag?tag=projection:catalogue").json();
        assertThat(metric.path("measurements").get(0).path("value").asDouble()).isZero();
        JsonNode admin = api.get("/api/v1/admin/projections").json();
        assertThat(admin.path("items").size()).isEqualTo(15);
    }

    private long catalogueTheClassics() {
        return feed.append(
                title(DE_MEN, List.of("Tô Hoài"), List.of("Văn học thiếu nhi"), DocType.CHILDREN, "9786042088106"),
                title(DAT_RUNG, List.of("Đoàn Giỏi"), List.of("Văn học thiếu nhi", "Nam Bộ"), DocType.CHILDREN, null),
                title(TAM_LONG, List.of("Edmondo De Amicis"), List.of("Văn học Ý"), DocType.GENERAL, null),
                title(HOA_VANG, List.of("Nguyễn Nhật Ánh"), List.of("Tuổi thơ"), DocType.CHILDREN, null));
    }

    ApiClient.Answer get(String path, long position) {
        return get(base + path, position, false);
    }

    ApiClient.Answer get(String path, long position, boolean unused) {
        ApiClient.Answer answer = api.get(path, "X-Min-Event-Position", Long.toString(position));
        assertThat(answer.status()).as(answer.body()).isIn(200, 404);
        return answer;
    }

    static List<String> titles(ApiClient.Answer answer) {
        List<String> titles = new ArrayList<>();
        answer.json().path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }

    static List<LoanId> loanIds(ApiClient.Answer answer) {
        List<LoanId> ids = new ArrayList<>();
        answer.json().path("items").forEach(item -> ids.add(LoanId.parse(item.path("loanId").asString())));
        return ids;
    }

    static List<String> roster(JsonNode schoolClass) {
        List<String> ids = new ArrayList<>();
        schoolClass.path("roster").forEach(entry -> ids.add(entry.path("patronId").asString()));
        return ids;
    }

    static String problem(ApiClient.Answer answer) {
        return answer.status() + " " + answer.text("code");
    }

    TitleCatalogued title(String title, List<String> authors, List<String> subjects, DocType docType, String isbn) {
        return new TitleCatalogued(school, titleId(title), title, authors, isbn, "NXB Kim Đồng", 2020, null, subjects, docType, "vie");
    }

    CopyAccessioned copy(String barcode, String title) {
        return new CopyAccessioned(school, Barcode.of(barcode), titleId(title), title, DocType.CHILDREN, LocalDate.of(2026, 8, 20),
                "Mua", new BigDecimal("45000"), true);
    }

    /** Each checkout a test makes happens a second after the one before, as at a real desk. */
    private int checkouts;

    CopyCheckedOut checkout(String loan, String barcode, String title, String patron, LocalDate dueOn) {
        return new CopyCheckedOut(school, loanId(loan), Barcode.of(barcode), titleId(title), title, DocType.CHILDREN,
                PatronId.of(patron), PatronCategory.STUDENT, ClassId.of("6a1"), NOW.plusSeconds(checkouts++), dueOn, null);
    }

    CopyCheckedOut checkoutIn(String loan, String barcode, String patron, String classId, LocalDate dueOn) {
        return new CopyCheckedOut(school, loanId(loan), Barcode.of(barcode), titleId(DE_MEN), DE_MEN, DocType.CHILDREN,
                PatronId.of(patron), PatronCategory.STUDENT, ClassId.of(classId), NOW.plusSeconds(60), dueOn, null);
    }

    CopyReturned returned(String loan, String barcode, String title, String patron, Routing routing, HoldId hold) {
        return new CopyReturned(school, loanId(loan), Barcode.of(barcode), titleId(title), PatronId.of(patron),
                PatronCategory.STUDENT, ClassId.of("6a1"), NOW.plusSeconds(3_600), today, 0, routing, hold);
    }

    TitleId titleId(String title) {
        return TitleId.of(uuid("title:" + title));
    }

    LoanId loanId(String loan) {
        return LoanId.of(uuid("loan:" + loan));
    }

    HoldId holdId(String hold) {
        return HoldId.of(uuid("hold:" + hold));
    }

    UUID uuid(String name) {
        return UUID.nameUUIDFromBytes((school.value() + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
