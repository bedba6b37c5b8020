package vn.motsach.analytics.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of a class, school or authority for a period, as every answer gives them: the
 * counts of {@link Metrics} with the rates derived from them. An answer carries them among its
 * own fields ({@code @JsonUnwrapped}), in this order.
 */
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
