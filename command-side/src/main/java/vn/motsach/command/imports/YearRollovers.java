package vn.motsach.command.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.imports.rollover.RolloverPlan;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.infra.web.ApiProblem;

/**
 * A school rolls a year over once: the year's standing rollover (queued, running or succeeded,
 * as its job is stored, so the answer outlives a restart) refuses another. A failed or cancelled
 * one does not stand: the school corrects what went wrong and runs it again.
 */
@Component
class YearRollovers {

    private final ImportJobs jobs;
    private final JsonMapper json;

    YearRollovers(ImportJobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    Optional<ImportJob> standing(SchoolId school, String schoolYear) {
        return jobs.rolloverOf(school, schoolYear);
    }

    /**
     * 409 ROLLOVER_ALREADY_DONE naming the year, the account that asked for its standing rollover
     * and when (school time): whom to ask, where a job's id would tell the librarian nothing.
     */
    static ApiProblem alreadyDone(String schoolYear, ImportJob standing) {
        // to the minute, in school time; Problems writes it the reader's way
        LocalDateTime when = standing.requestedAt().atZone(TimeAutoConfiguration.SCHOOL_ZONE).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES);
        return ApiProblem.conflict("ROLLOVER_ALREADY_DONE", schoolYear, standing.actor(), when);
    }

    /** The plan the job was given, and what became of it: the steps it rejected did not happen. */
    Outcome outcome(ImportJob job) {
        RolloverPlan plan;
        try (InputStream in = jobs.file(job.importId())) {
            plan = json.readValue(in, RolloverPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Integer> rejected = jobs.issues(job.importId(), ImportIssue.Severity.ERROR, Integer.MAX_VALUE).stream()
                .map(ImportIssue::record).collect(Collectors.toSet());
        return new Outcome(plan, plan.tally(rejected));
    }

    record Outcome(RolloverPlan plan, RolloverPlan.Tally tally) {
    }
}
