package vn.motsach.query.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.TargetMetric;
import vn.motsach.query.documents.Column;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.reports.SemesterReportView.ClassCount;
import vn.motsach.query.reports.SemesterReportView.ClassPeriods;
import vn.motsach.query.reports.SemesterReportView.ClassReaders;
import vn.motsach.query.reports.SemesterReportView.EventLine;
import vn.motsach.query.reports.SemesterReportView.TargetLine;
import vn.motsach.query.reports.SemesterReportView.TargetStatus;
import vn.motsach.query.reports.SemesterReportView.TypeCount;
import vn.motsach.query.reports.SemesterReportView.TypeHoldings;

/**
 * The semester report as a table: the same numbers as its JSON, one section each, each section
 * led by a line naming its columns, since the sections count different things. Shares are
 * written as percentages, as a report to the principal gives them.
 */
final class SemesterDocument {

    static final String TITLE = "Báo cáo hoạt động thư viện học kỳ";
    static final List<Column> COLUMNS = List.of(new Column("Mục", 5), new Column("Nội dung", 34), new Column("(1)", 12),
            new Column("(2)", 12), new Column("(3)", 12), new Column("(4)", 12), new Column("(5)", 12));

    private static final Map<String, String> EVENT_KINDS = Map.of("READING_DAY", "Ngày Sách và Văn hóa đọc",
            "BOOK_TALK", "Giới thiệu sách", "FESTIVAL", "Ngày hội đọc sách", "CONTEST", "Cuộc thi");
    private static final Map<TargetMetric, String> METRICS = Map.of(
            TargetMetric.LOANS_PER_STUDENT, "Lượt mượn bình quân mỗi học sinh",
            TargetMetric.ACTIVE_READER_RATE, "Tỉ lệ bạn đọc tích cực",
            TargetMetric.READING_MINUTES_PER_STUDENT, "Số phút đọc bình quân mỗi học sinh",
            TargetMetric.SELF_REPORTED_READING_MINUTES_PER_STUDENT, "Số phút tự đọc ở nhà bình quân mỗi học sinh",
            TargetMetric.LIBRARY_PERIODS_PER_CLASS, "Số tiết thư viện bình quân mỗi lớp");
    private static final Map<TargetStatus, String> STATUSES = Map.of(TargetStatus.MET, "Đạt",
            TargetStatus.NOT_MET, "Chưa đạt", TargetStatus.IN_PROGRESS, "Đang thực hiện");

    private SemesterDocument() {
    }

    /** How the document names the semester: "Học kỳ 1 năm học 2025-2026". */
    static String period(SemesterReportView report) {
        return "Học kỳ " + report.semester() + " năm học " + report.schoolYear();
    }

    static void write(SemesterReportView report, TableWriter table) throws IOException {
        SemesterReportView.Holdings holdings = report.holdings();
        table.row(Arrays.asList("I", "Vốn tài liệu và tài liệu nhập", "Số đầu sách", "Số bản", "Giá trị (đồng)", null, null));
        table.row(Arrays.asList(null, "Vốn tài liệu đến cuối học kỳ", holdings.titles(), holdings.copies(), holdings.value(),
                null, null));
        for (TypeHoldings type : holdings.byDocType()) {
            table.row(Arrays.asList(null, "  " + type.name(), type.titles(), type.copies(), type.value(), null, null));
        }
        SemesterReportView.Intake intake = report.intake();
        table.row(Arrays.asList(null, "Nhập trong học kỳ (" + intake.intakes() + " lần nhập)", null, intake.copies(),
                intake.value(), null, null));
        for (TypeHoldings type : intake.byDocType()) {
            table.row(Arrays.asList(null, "  " + type.name(), type.titles(), type.copies(), type.value(), null, null));
        }

        SemesterReportView.Loans loans = report.loans();
        table.row(Arrays.asList("II", "Lượt mượn trong học kỳ", "Lượt mượn", null, null, null, null));
        table.row(Arrays.asList(null, "Tổng số", loans.total(), null, null, null, null));
        table.row(Arrays.asList(null, "Theo lớp", null, null, null, null, null));
        for (ClassCount line : loans.byClass()) {
            table.row(Arrays.asList(null, "  " + line.name(), line.loans(), null, null, null, null));
        }
        table.row(Arrays.asList(null, "Theo loại tài liệu", null, null, null, null, null));
        for (TypeCount line : loans.byDocType()) {
            table.row(Arrays.asList(null, "  " + line.name(), line.loans(), null, null, null, null));
        }

        SemesterReportView.Readers readers = report.readers();
        table.row(Arrays.asList("III", "Bạn đọc là học sinh", "Số học sinh", "Có mượn sách", "Tỉ lệ", "Bạn đọc tích cực",
                "Tỉ lệ"));
        table.row(Arrays.asList(null, "Toàn trường", readers.students(), readers.borrowers(), percent(readers.borrowerRate()),
                readers.activeReaders(), percent(readers.activeReaderRate())));
        for (ClassReaders line : readers.byClass()) {
            table.row(Arrays.asList(null, "  " + line.name(), line.students(), line.borrowers(), percent(line.borrowerRate()),
                    line.activeReaders(), percent(line.activeReaderRate())));
        }

        SemesterReportView.LibraryPeriods periods = report.libraryPeriods();
        table.row(Arrays.asList("IV", "Tiết đọc thư viện", "Số tiết", "Lượt học sinh dự", "Sĩ số các tiết", "Tỉ lệ dự", null));
        table.row(Arrays.asList(null, "Toàn trường", periods.held(), periods.attendances(), periods.seats(),
                percent(SemesterReport.ratio(periods.attendances(), periods.seats())), null));
        for (ClassPeriods line : periods.byClass()) {
            table.row(Arrays.asList(null, "  " + line.name(), line.held(), line.attendances(), line.seats(),
                    percent(line.attendanceRate()), null));
        }

        SemesterReportView.ReadingEvents events = report.readingEvents();
        table.row(Arrays.asList("V", "Sự kiện đọc sách", "Loại", "Từ ngày", "Đến ngày", "Số lớp", "Người tham gia"));
        table.row(Arrays.asList(null, "Số sự kiện đã tổ chức: " + events.held(), null, null, null, null, events.participants()));
        for (EventLine line : events.events()) {
            table.row(Arrays.asList(null, "  " + line.name(), EVENT_KINDS.getOrDefault(line.kind(), line.kind()),
                    line.startsOn(), line.endsOn(), line.classes(), line.participants()));
        }

        Map<String, String> classNames = report.readers().byClass().stream()
                .collect(Collectors.toMap(ClassReaders::classId, ClassReaders::name));
        table.row(Arrays.asList("VI", "Mục tiêu văn hóa đọc", "Kỳ", "Kết quả", "Chỉ tiêu", "Tiến độ", "Đánh giá"));
        for (TargetLine target : report.targets()) {
            table.row(Arrays.asList(null, METRICS.get(target.metric()) + " (" + scope(target, classNames) + ")",
                    target.period() == MetricPeriod.SEMESTER ? "Học kỳ" : "Năm học", number(target.value()),
                    number(target.threshold()), percent(target.progress()), STATUSES.get(target.status())));
        }
    }

    private static String scope(TargetLine target, Map<String, String> classNames) {
        return switch (target.scope()) {
            case SCHOOL -> "toàn trường";
            case GRADE -> "khối " + target.scopeId();
            case CLASS -> "lớp " + classNames.getOrDefault(target.scopeId(), target.scopeId());
        };
    }

    /** A share as a Vietnamese report writes it: 0.5 as 50%, 0.3333 as 33,33%. */
    static String percent(BigDecimal share) {
        return number(share.movePointRight(2)) + "%";
    }

    /** A number with a decimal comma and no trailing zeros: 2,5 and 3. */
    static String number(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().replace('.', ',');
    }
}
