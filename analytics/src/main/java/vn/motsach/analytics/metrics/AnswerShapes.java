package vn.motsach.analytics.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.analytics.metrics.SchoolPeriod.StudentLine;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;

/**
 * The shapes of the analytics answers, for the OpenAPI document only. The answers are built as
 * maps (by {@link MetricsAnswers}, the roll-ups and evaluations, with {@link Metrics#fields()}
 * for the metrics): a field added there belongs here too.
 */
public final class AnswerShapes {

    private AnswerShapes() {
    }

    /** The metrics of a school, class or authority for a period. */
    public record MetricValues(long loans, long activeReaders, long enrolledStudents, double activeReaderRate,
            double loansPerStudent,
            @Schema(description = "Phút đọc trường ghi nhận (tại thư viện, trong lớp)") long readingMinutes,
            double readingMinutesPerStudent,
            @Schema(description = "Phút đọc học sinh tự khai ở nhà, tính riêng") long selfReportedReadingMinutes,
            double selfReportedReadingMinutesPerStudent, long libraryPeriods,
            double libraryPeriodAttendanceRate, long libraryPeriodAttendances, long libraryPeriodSeats,
            long readingEventParticipants, long overdueLoans, long overdueLoansNow,
            @Schema(description = "Thời điểm của sự kiện mới nhất đã tính") @Nullable Instant asOf) {
    }

    @Schema(allOf = MetricValues.class)
    public record SchoolMetrics(String schoolId, MetricPeriod period, LocalDate from, LocalDate to, String name,
            @Nullable String authorityId, List<ClassMetricsLine> classes) {
    }

    @Schema(allOf = MetricValues.class)
    public record ClassMetricsLine(String classId, String name, int grade) {
    }

    @Schema(allOf = MetricValues.class)
    public record ClassMetrics(String classId, MetricPeriod period, LocalDate from, LocalDate to, String schoolId,
            @Nullable String name, @Nullable Integer grade, List<StudentLine> students) {
    }

    @Schema(allOf = MetricValues.class)
    public record AuthorityMetrics(String authorityId, MetricPeriod period, @Nullable LocalDate from, @Nullable LocalDate to,
            List<AuthoritySchoolLine> schools) {
    }

    @Schema(allOf = MetricValues.class, description = "Chỉ có schoolId và periodScheduled khi trường chưa có kỳ đó")
    public record AuthoritySchoolLine(String schoolId, boolean periodScheduled, @Nullable String name,
            @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    public record Targets(String schoolId, LocalDate on, List<TargetLine> items, @Nullable Instant asOf) {
    }

    /** A target with its progress; the progress fields are null while no school year holds today. */
    public record TargetLine(String targetId, TargetMetric metric,
            @Schema(description = "Trường của câu trả lời số liệu mà giá trị mục tiêu đo (ví dụ readingMinutesPerStudent: "
                    + "phút đọc trường ghi nhận; selfReportedReadingMinutesPerStudent: phút tự khai ở nhà)",
                    allowableValues = {"loansPerStudent", "activeReaderRate", "readingMinutesPerStudent",
                        "selfReportedReadingMinutesPerStudent", "libraryPeriodsPerClass"}) String measuredBy,
            TargetScope scope, @Nullable String scopeId,
            MetricPeriod period, BigDecimal threshold, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable Double value, @Nullable Double progress, @Nullable Double expectedProgress, @Nullable Boolean onTrack) {
    }

    /** One target as the list shows it, with the school and the day it was read on. */
    @Schema(allOf = TargetLine.class)
    public record Target(String schoolId, LocalDate on, @Nullable Instant asOf) {
    }

    public record LibraryPeriodEvaluation(String periodId, String classId, LocalDate heldOn, PeriodActivity activity,
            int attendees, List<String> attendeeIds, long enrolledStudents, double attendanceRate, long loansThatDay,
            long readingMinutesThatDay, long selfReportedReadingMinutesThatDay, @Nullable Instant asOf) {
    }

    public record ReadingEventEvaluation(String eventId, String name, ReadingEventKind kind, LocalDate startsOn,
            LocalDate endsOn, int schoolDays, @Nullable LocalDate beforeFrom, @Nullable LocalDate beforeTo,
            List<ClassEvaluation> classes, @Nullable Instant asOf) {
    }

    public record ClassEvaluation(String classId, long participants, long enrolledStudents, double participationRate,
            long loansDuring, long loansBefore, long readingMinutesDuring, long readingMinutesBefore,
            long selfReportedReadingMinutesDuring, long selfReportedReadingMinutesBefore, Uplift uplift) {
    }

    public record Uplift(long loans, long readingMinutes, @Nullable Double loansChange, @Nullable Double readingMinutesChange) {
    }
}
