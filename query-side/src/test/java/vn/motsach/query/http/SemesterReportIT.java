package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.query.http.RegistersIT.pdfText;
import static vn.motsach.query.http.RegistersIT.rows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LoanId;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingTargetSet;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.testing.ApiClient;

/**
 * The semester activity report over HTTP: a school of two classes with loans in both semesters,
 * a library period, a reading event and targets; the numbers of the JSON, and the same numbers
 * read back from the XLSX and the PDF.
 */
class SemesterReportIT extends RunningQuerySide {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void theSemesterReportCountsTheSemesterAloneAndItsDocumentsSayTheSame() throws Exception {
        // the first semester is over, the second holds today: students are registered on the day their events are stored
        LocalDate starts = today.minusDays(200);
        LocalDate firstEnds = today.minusDays(60);
        LocalDate ends = today.plusDays(165);
        String schoolYear = starts.getYear() + "-" + (starts.getYear() + 1);
        String nextYear = (starts.getYear() + 1) + "-" + (starts.getYear() + 2);
        TitleId de = TitleId.of(UUID.randomUUID());
        TitleId tiengViet = TitleId.of(UUID.randomUUID());
        IntakeId autumn = IntakeId.of(UUID.randomUUID());
        IntakeId spring = IntakeId.of(UUID.randomUUID());
        ReadingEventId festival = ReadingEventId.of(UUID.randomUUID());
        List<SchoolEvent> events = new ArrayList<>(List.of(
                new SchoolRegistered(school, "Trường Tiểu học Hòa Bình", List.of(EducationLevel.PRIMARY), null),
                new SchoolYearScheduled(school, SchoolYear.of(schoolYear), starts, ends,
                        List.of(new Semester(1, starts, firstEnds), new Semester(2, firstEnds.plusDays(1), ends)), List.of()),
                new SchoolYearScheduled(school, SchoolYear.of(nextYear), ends.plusDays(30), ends.plusDays(360), List.of(),
                        List.of()),
                new ClassOpened(school, ClassId.of("3a"), "3A", 3, SchoolYear.of(schoolYear), null),
                new ClassOpened(school, ClassId.of("4b"), "4B", 4, SchoolYear.of(schoolYear), null),
                student("hs-an", "Nguyễn Văn An", "3a"), student("hs-binh", "Trần Thị Bình", "3a"),
                student("hs-chi", "Lê Minh Chí", "4b"), student("hs-dung", "Phạm Thùy Dung", "4b"),
                new PatronRegistered(school, PatronId.of("gv-lan"), "Lê Thị Lan", PatronCategory.TEACHER, null),
                new TitleCatalogued(school, de, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, "895.922",
                        List.of(), DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, tiengViet, "Tiếng Việt 3", List.of(), null, null, null, "495.922", List.of(),
                        DocType.TEXTBOOK, "vie"),
                new IntakeReceived(school, autumn, starts.plusDays(5), AcquisitionSource.PURCHASE, "PN-01", null),
                new IntakeReceived(school, spring, firstEnds.plusDays(5), AcquisitionSource.DONATION, "PN-02", null),
                copy("DM-1", de, DocType.CHILDREN, null, "30000", autumn),
                copy("DM-2", de, DocType.CHILDREN, null, "30000", autumn),
                copy("TV-1", tiengViet, DocType.TEXTBOOK, starts.minusDays(100), "15000", null),
                copy("DM-3", de, DocType.CHILDREN, null, "25000", spring),
                // the first semester
                loan("DM-1", de, DocType.CHILDREN, "hs-an", PatronCategory.STUDENT, "3a", starts.plusDays(10)),
                loan("TV-1", tiengViet, DocType.TEXTBOOK, "hs-an", PatronCategory.STUDENT, "3a", starts.plusDays(11)),
                loan("DM-2", de, DocType.CHILDREN, "hs-chi", PatronCategory.STUDENT, "4b", starts.plusDays(12)),
                loan("DM-1", de, DocType.CHILDREN, "gv-lan", PatronCategory.TEACHER, null, firstEnds),
                // liên thông: a partner's copy lent at this school's desk is this school's loan; this school's copy
                // lent at the partner's desk is the partner's
                loan("LT-7", TitleId.of(UUID.randomUUID()), DocType.CHILDREN, "hs-chi", PatronCategory.STUDENT, "4b",
                        starts.plusDays(13)),
                new CopyCheckedOut(SchoolId.of(school.value() + "-lt"), LoanId.of(UUID.randomUUID()), Barcode.of("DM-2"), de,
                        "DM-2", DocType.CHILDREN, PatronId.of("hs-khac"), PatronCategory.STUDENT, ClassId.of("5c"),
                        at(starts.plusDays(40)), starts.plusDays(54), null),
                new LibraryPeriodHeld(school, PeriodId.of(UUID.randomUUID()), ClassId.of("3a"), starts.plusDays(20),
                        PeriodActivity.FREE_READING, List.of(PatronId.of("hs-an"), PatronId.of("hs-binh")), 2, null, null),
                new ReadingEventScheduled(school, festival, "Ngày hội đọc sách mùa thu", ReadingEventKind.FESTIVAL,
                        starts.plusDays(30), starts.plusDays(31), List.of(ClassId.of("3a"), ClassId.of("4b"))),
                new ReadingEventParticipationRecorded(school, festival, starts.plusDays(31), List.of(
                        new Participant(PatronId.of("hs-dung"), PatronCategory.STUDENT, ClassId.of("4b")),
                        new Participant(PatronId.of("gv-lan"), PatronCategory.TEACHER, null))),
                // the second semester
                loan("DM-3", de, DocType.CHILDREN, "hs-binh", PatronCategory.STUDENT, "3a", firstEnds.plusDays(1)),
                // the targets: a semester's, a grade's and the year's of one class; a week's is no semester's business
                new ReadingTargetSet(school, "muon-sach", TargetMetric.LOANS_PER_STUDENT, TargetScope.SCHOOL, null,
                        MetricPeriod.SEMESTER, new BigDecimal("1")),
                new ReadingTargetSet(school, "khoi-4", TargetMetric.ACTIVE_READER_RATE, TargetScope.GRADE, "4",
                        MetricPeriod.SEMESTER, new BigDecimal("0.5")),
                new ReadingTargetSet(school, "tiet-3a", TargetMetric.LIBRARY_PERIODS_PER_CLASS, TargetScope.CLASS, "3a",
                        MetricPeriod.SCHOOL_YEAR, new BigDecimal("1")),
                new ReadingTargetSet(school, "tuan", TargetMetric.LOANS_PER_STUDENT, TargetScope.SCHOOL, null,
                        MetricPeriod.WEEK, new BigDecimal("0.2"))));
        for (String patron : List.of("hs-an", "hs-binh", "hs-chi", "hs-dung")) {
            String classId = patron.equals("hs-an") || patron.equals("hs-binh") ? "3a" : "4b";
            events.add(new PatronMovedToClass(school, PatronId.of(patron), null, ClassId.of(classId), starts));
        }
        long position = feed.append(events.toArray(SchoolEvent[]::new));

        String first = "/reports/semester?schoolYear=" + schoolYear + "&semester=1";
        JsonNode json = api.get(base + first, "X-Min-Event-Position", Long.toString(position)).json();
        assertThat(json.path("schoolName").asString()).isEqualTo("Trường Tiểu học Hòa Bình");
        assertThat(json.path("semester").asInt()).isEqualTo(1);
        assertThat(json.path("startsOn").asString()).isEqualTo(starts.toString());
        assertThat(json.path("endsOn").asString()).isEqualTo(firstEnds.toString());
        JsonNode holdings = json.path("holdings");
        assertThat(line(holdings, "titles", "copies", "value")).isEqualTo("2 3 75000");
        assertThat(lines(holdings.path("byDocType"), "name", "titles", "copies", "value"))
                .containsExactly("Thiếu nhi 1 2 60000", "Sách giáo khoa 1 1 15000");
        JsonNode intake = json.path("intake");
        assertThat(line(intake, "intakes", "copies", "value")).isEqualTo("1 2 60000");
        JsonNode loans = json.path("loans");
        assertThat(loans.path("total").asLong()).isEqualTo(5);
        assertThat(lines(loans.path("byClass"), "name", "loans"))
                .containsExactly("3A 2", "4B 2", "Không thuộc lớp (giáo viên, nhân viên) 1");
        assertThat(lines(loans.path("byDocType"), "name", "loans")).containsExactly("Thiếu nhi 4", "Sách giáo khoa 1");
        JsonNode readers = json.path("readers");
        assertThat(line(readers, "students", "borrowers", "borrowerRate", "activeReaders", "activeReaderRate"))
                .isEqualTo("4 2 0.5 4 1");
        assertThat(lines(readers.path("byClass"), "name", "students", "borrowers", "borrowerRate", "activeReaders",
                "activeReaderRate")).containsExactly("3A 2 1 0.5 2 1", "4B 2 1 0.5 2 1");
        JsonNode periods = json.path("libraryPeriods");
        assertThat(line(periods, "held", "attendances", "seats")).isEqualTo("1 2 2");
        assertThat(lines(periods.path("byClass"), "name", "held", "attendances", "seats", "attendanceRate"))
                .containsExactly("3A 1 2 2 1", "4B 0 0 0 0");
        JsonNode readingEvents = json.path("readingEvents");
        assertThat(line(readingEvents, "held", "participants")).isEqualTo("1 2");
        assertThat(lines(readingEvents.path("events"), "name", "kind", "classes", "participants"))
                .containsExactly("Ngày hội đọc sách mùa thu FESTIVAL 2 2");
        assertThat(lines(json.path("targets"), "targetId", "period", "from", "to", "value", "threshold", "progress", "status"))
                .containsExactly(
                        "khoi-4 SEMESTER " + starts + " " + firstEnds + " 1 0.5 2 MET",
                        "muon-sach SEMESTER " + starts + " " + firstEnds + " 1 1 1 MET",
                        "tiet-3a SCHOOL_YEAR " + starts + " " + firstEnds + " 1 1 1 MET");

        // the second semester holds today, and is the one given when none is asked
        JsonNode second = api.get(base + "/reports/semester", "X-Min-Event-Position", Long.toString(position)).json();
        assertThat(second.path("semester").asInt()).isEqualTo(2);
        assertThat(second.path("schoolYear").asString()).isEqualTo(schoolYear);
        assertThat(line(second.path("holdings"), "titles", "copies", "value")).isEqualTo("2 4 100000");
        assertThat(line(second.path("intake"), "intakes", "copies", "value")).isEqualTo("1 1 25000");
        assertThat(second.path("loans").path("total").asLong()).isEqualTo(1);
        assertThat(lines(second.path("loans").path("byClass"), "name", "loans")).containsExactly("3A 1", "4B 0");
        assertThat(line(second.path("readers"), "students", "borrowers", "activeReaders")).isEqualTo("4 1 1");
        assertThat(second.path("readingEvents").path("held").asLong()).isZero();
        assertThat(lines(second.path("targets"), "targetId", "value", "status"))
                .containsExactly("khoi-4 0 IN_PROGRESS", "muon-sach 0.25 IN_PROGRESS", "tiet-3a 1 MET");

        // the documents: every line's numbers are the JSON's
        List<List<String>> expected = List.of(
                row("I", "Vốn tài liệu và tài liệu nhập", "Số đầu sách", "Số bản", "Giá trị (đồng)"),
                row("", "Vốn tài liệu đến cuối học kỳ", "2", "3", "75000"),
                row("", "  Thiếu nhi", "1", "2", "60000"),
                row("", "  Sách giáo khoa", "1", "1", "15000"),
                row("", "Nhập trong học kỳ (1 lần nhập)", "", "2", "60000"),
                row("", "  Thiếu nhi", "1", "2", "60000"),
                row("II", "Lượt mượn trong học kỳ", "Lượt mượn"),
                row("", "Tổng số", "5"),
                row("", "Theo lớp"),
                row("", "  3A", "2"),
                row("", "  4B", "2"),
                row("", "  Không thuộc lớp (giáo viên, nhân viên)", "1"),
                row("", "Theo loại tài liệu"),
                row("", "  Thiếu nhi", "4"),
                row("", "  Sách giáo khoa", "1"),
                row("III", "Bạn đọc là học sinh", "Số học sinh", "Có mượn sách", "Tỉ lệ", "Bạn đọc tích cực", "Tỉ lệ"),
                row("", "Toàn trường", "4", "2", "50%", "4", "100%"),
                row("", "  3A", "2", "1", "50%", "2", "100%"),
                row("", "  4B", "2", "1", "50%", "2", "100%"),
                row("IV", "Tiết đọc thư viện", "Số tiết", "Lượt học sinh dự", "Sĩ số các tiết", "Tỉ lệ dự"),
                row("", "Toàn trường", "1", "2", "2", "100%"),
                row("", "  3A", "1", "2", "2", "100%"),
                row("", "  4B", "0", "0", "0", "0%"),
                row("V", "Sự kiện đọc sách", "Loại", "Từ ngày", "Đến ngày", "Số lớp", "Người tham gia"),
                row("", "Số sự kiện đã tổ chức: 1", "", "", "", "", "2"),
                row("", "  Ngày hội đọc sách mùa thu", "Ngày hội đọc sách", date(starts.plusDays(30)),
                        date(starts.plusDays(31)), "2", "2"),
                row("VI", "Mục tiêu văn hóa đọc", "Kỳ", "Kết quả", "Chỉ tiêu", "Tiến độ", "Đánh giá"),
                row("", "Tỉ lệ bạn đọc tích cực (khối 4)", "Học kỳ", "1", "0,5", "200%", "Đạt"),
                row("", "Lượt mượn bình quân mỗi học sinh (toàn trường)", "Học kỳ", "1", "1", "100%", "Đạt"),
                row("", "Số tiết thư viện bình quân mỗi lớp (lớp 3A)", "Năm học", "1", "1", "100%", "Đạt"));
        RunningQuerySide.Download xlsx = download(first + "&format=XLSX", position);
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<String>> sheet = rows(xlsx.body());
        assertThat(sheet.get(1)).containsExactly("Báo cáo hoạt động thư viện học kỳ");
        assertThat(sheet.get(2)).containsExactly("Thời gian: Học kỳ 1 năm học " + schoolYear);
        assertThat(sheet.subList(6, sheet.size())).isEqualTo(expected);
        String text = pdfText(download(first + "&format=pdf", position).body(), "bao-cao-hoc-ky.png");
        assertThat(text).contains("Báo cáo hoạt động thư viện học kỳ", "Học kỳ 1 năm học " + schoolYear);
        for (List<String> line : expected) {
            if (!List.of("I", "II", "III", "IV", "V", "VI").contains(line.get(0))) { // the columns' names wrap in theirs
                assertThat(text).contains(String.join(" ", line).strip().replaceAll(" +", " "));
            }
        }

        // refused: bounds first, then what the school has not set up
        assertThat(fields("?format=DOCX")).containsExactly("format");
        assertThat(fields("?semester=0")).containsExactly("semester");
        assertThat(fields("?semester=hai")).containsExactly("semester");
        assertThat(fields("?schoolYear=2025&semester=10")).containsExactly("schoolYear", "semester");
        assertThat(api.get(base + "/reports/semester?schoolYear=2001-2002").text("code")).isEqualTo("SCHOOL_YEAR_NOT_FOUND");
        ApiClient.Answer noSuchSemester = api.get(base + "/reports/semester?schoolYear=" + schoolYear + "&semester=3");
        assertThat(noSuchSemester.status()).isEqualTo(404);
        assertThat(noSuchSemester.text("code")).isEqualTo("SEMESTER_NOT_FOUND");
        assertThat(noSuchSemester.text("detail")).isEqualTo("Năm học " + schoolYear + " của trường chưa khai báo học kỳ 3.");
        assertThat(api.get(base + "/reports/semester?schoolYear=" + nextYear).text("detail"))
                .isEqualTo("Năm học " + nextYear + " của trường chưa khai báo học kỳ nào.");
        assertThat(api.get(base + "/reports/semester?schoolYear=" + nextYear, "Accept-Language", "en").text("detail"))
                .isEqualTo("The school has set up no semester in the school year " + nextYear + ".");
    }

    private List<String> fields(String query) {
        List<String> fields = new ArrayList<>();
        api.get(base + "/reports/semester" + query).json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** A document's row as read back: the empty cells at its end are no cells. */
    private static List<String> row(String... cells) {
        List<String> row = new ArrayList<>(Arrays.asList(cells));
        while (!row.isEmpty() && row.get(row.size() - 1).isEmpty()) {
            row.remove(row.size() - 1);
        }
        return row;
    }

    private static String date(LocalDate day) {
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String line(JsonNode node, String... fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            JsonNode value = node.path(field);
            values.add(value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString());
        }
        return String.join(" ", values);
    }

    private static List<String> lines(JsonNode nodes, String... fields) {
        List<String> lines = new ArrayList<>();
        nodes.forEach(node -> lines.add(line(node, fields)));
        return lines;
    }

    private PatronRegistered student(String patron, String name, String classId) {
        return new PatronRegistered(school, PatronId.of(patron), name, PatronCategory.STUDENT, ClassId.of(classId));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(SCHOOL_ZONE).toInstant();
    }

    private CopyAccessioned copy(String barcode, TitleId title, DocType type, LocalDate acquiredOn, String price, IntakeId intake) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, barcode, type, acquiredOn, null, new BigDecimal(price),
                true, intake, null);
    }

    private CopyCheckedOut loan(String barcode, TitleId title, DocType type, String patron, PatronCategory category,
            String classId, LocalDate day) {
        return new CopyCheckedOut(school, LoanId.of(UUID.randomUUID()), Barcode.of(barcode), title, barcode, type,
                PatronId.of(patron), category, classId == null ? null : ClassId.of(classId), at(day), day.plusDays(14), null);
    }
}
