package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.query.http.RegistersIT.pdfText;
import static vn.motsach.query.http.RegistersIT.rows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;

/** The reports over HTTP: the numbers of each document are those of its JSON, read back from the XLSX and the PDF. */
class ReportsIT extends RunningQuerySide {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void theYearlyStatisticsCountTheCollectionLoansAndReadersAndTheirDocumentsSayTheSame() throws Exception {
        // the school year around today: patrons are registered on the day their events are stored
        int first = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        String schoolYear = first + "-" + (first + 1);
        LocalDate starts = LocalDate.of(first, 8, 15);
        LocalDate ends = LocalDate.of(first + 1, 7, 31);
        TitleId de = TitleId.of(UUID.randomUUID());
        TitleId english = TitleId.of(UUID.randomUUID());
        TitleId huong = TitleId.of(UUID.randomUUID());
        List<SchoolEvent> events = new ArrayList<>(List.of(
                new SchoolRegistered(school, "Trường Tiểu học Hòa Bình", List.of(EducationLevel.PRIMARY), null),
                new SchoolYearScheduled(school, SchoolYear.of(schoolYear), starts, ends, List.of(), List.of()),
                new TitleCatalogued(school, de, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, "895.922",
                        List.of(), DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, english, "English for kids", List.of(), null, null, null, "428", List.of(),
                        DocType.REFERENCE, "eng"),
                new TitleCatalogued(school, huong, "Hướng dẫn dạy học", List.of(), null, null, null, null, List.of(),
                        DocType.TEACHER_PROFESSIONAL, "vie"),
                copy("DM-1", de, DocType.CHILDREN, starts.plusDays(10)),
                copy("DM-2", de, DocType.CHILDREN, starts.plusDays(10)),
                copy("EN-1", english, DocType.REFERENCE, starts.plusDays(10)),
                copy("HD-1", huong, DocType.TEACHER_PROFESSIONAL, null),
                copy("DM-3", de, DocType.CHILDREN, starts.minusYears(1)),
                new CopyWithdrawn(school, Barcode.of("DM-3"), de, "Rách", starts.plusDays(40)),
                copy("DM-4", de, DocType.CHILDREN, ends.plusDays(10)),
                new PatronRegistered(school, PatronId.of("hs-an"), "Nguyễn Văn An", PatronCategory.STUDENT, ClassId.of("3a")),
                new PatronRegistered(school, PatronId.of("hs-binh"), "Trần Thị Bình", PatronCategory.STUDENT, ClassId.of("3a")),
                new PatronRegistered(school, PatronId.of("gv-lan"), "Lê Thị Lan", PatronCategory.TEACHER, null),
                loan("DM-1", de, "hs-an", PatronCategory.STUDENT, at(starts.plusDays(50))),
                loan("EN-1", english, "gv-lan", PatronCategory.TEACHER, at(starts.plusDays(51))),
                loan("DM-2", de, "hs-an", PatronCategory.STUDENT, at(starts.minusDays(20))),
                session("hs-binh", ReadingPlace.LIBRARY, at(starts.plusDays(52))),
                session("hs-an", ReadingPlace.HOME, at(starts.plusDays(52))),
                new LibraryPeriodHeld(school, PeriodId.of(UUID.randomUUID()), ClassId.of("3a"), starts.plusDays(53),
                        PeriodActivity.FREE_READING, List.of(PatronId.of("hs-an"), PatronId.of("hs-binh")), 30, null, null)));
        long position = feed.append(events.toArray(SchoolEvent[]::new));

        JsonNode json = api.get(base + "/statistics?schoolYear=" + schoolYear, "X-Min-Event-Position", Long.toString(position))
                .json();
        assertThat(json.path("schoolName").asString()).isEqualTo("Trường Tiểu học Hòa Bình");
        JsonNode holdings = json.path("holdings");
        assertThat(holdings.path("titles").asLong()).isEqualTo(3);
        assertThat(holdings.path("copies").asLong()).isEqualTo(4);
        assertThat(groups(holdings.path("byDocType"))).containsExactly("Thiếu nhi 1 2", "Sách tham khảo 1 1", "Sách nghiệp vụ 1 1");
        assertThat(groups(holdings.path("byLanguage"))).containsExactly("Tiếng Anh 1 1", "Tiếng Việt 2 3");
        assertThat(groups(holdings.path("byClassification"))).containsExactly("4 – Ngôn ngữ 1 1", "8 – Văn học 1 2",
                "Chưa phân loại 1 1");
        JsonNode loans = json.path("loans");
        assertThat(List.of(loans.path("outOfLibrary").asLong(), loans.path("toStudents").asLong(),
                loans.path("toTeachers").asLong(), loans.path("toStaff").asLong(), loans.path("inLibrary").asLong()))
                .containsExactly(2L, 1L, 1L, 0L, 1L);
        JsonNode readers = json.path("readers");
        assertThat(List.of(readers.path("registered").asLong(), readers.path("students").asLong(),
                readers.path("teachers").asLong(), readers.path("newReaders").asLong(), readers.path("visits").asLong(),
                readers.path("readingSessionsInLibrary").asLong(), readers.path("libraryPeriodAttendances").asLong()))
                .containsExactly(3L, 2L, 1L, 3L, 3L, 1L, 2L);

        // the documents: every line's numbers are the JSON's
        List<List<String>> expected = List.of(
                List.of("I", "Vốn tài liệu đến cuối năm học", "3", "4"),
                List.of("", "Theo loại tài liệu"),
                List.of("", "  Thiếu nhi", "1", "2"),
                List.of("", "  Sách tham khảo", "1", "1"),
                List.of("", "  Sách nghiệp vụ", "1", "1"),
                List.of("", "Theo ngôn ngữ"),
                List.of("", "  Tiếng Anh", "1", "1"),
                List.of("", "  Tiếng Việt", "2", "3"),
                List.of("", "Theo môn loại"),
                List.of("", "  4 – Ngôn ngữ", "1", "1"),
                List.of("", "  8 – Văn học", "1", "2"),
                List.of("", "  Chưa phân loại", "1", "1"),
                List.of("II", "Lượt mượn trong năm học"),
                List.of("", "Mượn về nhà", "", "2"),
                List.of("", "  trong đó học sinh", "", "1"),
                List.of("", "  trong đó giáo viên", "", "1"),
                List.of("", "  trong đó cán bộ, nhân viên", "", "0"),
                List.of("", "Đọc tại thư viện", "", "1"),
                List.of("III", "Bạn đọc"),
                List.of("", "Bạn đọc đăng ký", "", "3"),
                List.of("", "  trong đó học sinh", "", "2"),
                List.of("", "  trong đó giáo viên", "", "1"),
                List.of("", "  trong đó cán bộ, nhân viên", "", "0"),
                List.of("", "Bạn đọc mới trong năm học", "", "3"),
                List.of("", "Lượt bạn đọc đến thư viện", "", "3"),
                List.of("", "  đọc tại thư viện", "", "1"),
                List.of("", "  dự tiết đọc thư viện", "", "2"));
        List<List<String>> sheet = rows(download("/statistics?format=XLSX&schoolYear=" + schoolYear, position).body());
        assertThat(sheet.get(1)).containsExactly("Thống kê thư viện");
        assertThat(sheet.subList(6, sheet.size())).isEqualTo(expected);
        String text = pdfText(download("/statistics?format=pdf&schoolYear=" + schoolYear, position).body(), "thong-ke.png");
        for (List<String> line : expected) {
            assertThat(text).contains(String.join(" ", line).strip().replaceAll(" +", " "));
        }

        assertThat(api.get(base + "/statistics?format=DOCX").json().path("errors").get(0).path("field").asString())
                .isEqualTo("format");
        assertThat(api.get(base + "/statistics?schoolYear=2001-2002").text("code")).isEqualTo("SCHOOL_YEAR_NOT_FOUND");
    }

    private static List<String> groups(JsonNode groups) {
        List<String> lines = new ArrayList<>();
        groups.forEach(group -> lines.add(group.path("name").asString() + " " + group.path("titles").asLong() + " "
                + group.path("copies").asLong()));
        return lines;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(SCHOOL_ZONE).toInstant();
    }

    private CopyAccessioned copy(String barcode, TitleId title, DocType type, LocalDate acquiredOn) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, barcode, type, acquiredOn, null, new BigDecimal("30000"),
                true);
    }

    private CopyCheckedOut loan(String barcode, TitleId title, String patron, PatronCategory category, Instant at) {
        return new CopyCheckedOut(school, LoanId.of(UUID.randomUUID()), Barcode.of(barcode), title, barcode, DocType.CHILDREN,
                PatronId.of(patron), category, category == PatronCategory.STUDENT ? ClassId.of("3a") : null, at,
                LocalDate.ofInstant(at, SCHOOL_ZONE).plusDays(14), null);
    }

    private ReadingSessionRecorded session(String patron, ReadingPlace place, Instant at) {
        return new ReadingSessionRecorded(school, ReadingSessionId.of(UUID.randomUUID()), PatronId.of(patron),
                PatronCategory.STUDENT, ClassId.of("3a"), null, at, 20, place, place == ReadingPlace.HOME);
    }
}
