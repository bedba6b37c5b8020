package vn.motsach.analytics.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.ReadingEventKind;

/**
 * A reading event's evaluation: each participating class's participation, and its loans and
 * minutes during the event against as many school days just before it ({@code beforeFrom} to
 * {@code beforeTo}).
 */
public record ReadingEventEvaluationView(String eventId, String name, @Schema(implementation = ReadingEventKind.class) String kind,
        LocalDate startsOn, LocalDate endsOn, int schoolDays, @Nullable LocalDate beforeFrom, @Nullable LocalDate beforeTo,
        List<ClassEvaluation> classes, @Nullable Instant asOf) {

    public record ClassEvaluation(String classId, int participants, long enrolledStudents, double participationRate,
            int loansDuring, int loansBefore, int readingMinutesDuring, int readingMinutesBefore,
            int selfReportedReadingMinutesDuring, int selfReportedReadingMinutesBefore, Uplift uplift) {
    }

    /** During minus before; the relative change only when there was a baseline. */
    public record Uplift(int loans, int readingMinutes, @Nullable Double loansChange, @Nullable Double readingMinutesChange) {
    }
}
