package vn.motsach.analytics.periods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.PeriodActivity;

/** How a library period went: who came, what share of the class, what they borrowed and read that day. */
public record LibraryPeriodEvaluationView(String periodId, String classId, LocalDate heldOn,
        @Schema(implementation = PeriodActivity.class) String activity, int attendees, List<String> attendeeIds,
        int enrolledStudents, double attendanceRate, long loansThatDay, long readingMinutesThatDay,
        long selfReportedReadingMinutesThatDay, @Nullable Instant asOf) {
}
