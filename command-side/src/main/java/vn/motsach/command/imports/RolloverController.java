package vn.motsach.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.execution.ActorProvider;
import vn.motsach.command.execution.IdempotencyStore;
import vn.motsach.command.imports.rollover.RolloverPlan;
import vn.motsach.command.imports.rollover.RolloverPlans;
import vn.motsach.command.imports.rollover.RolloverPlans.RolloverRequest;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.ProblemDetailsAdvice;
import vn.motsach.infra.web.RequestCheck;

/**
 * The year's rollover, a job like an import: its plan is checked and written at once (every
 * refusal a problem detail, nothing changed), then applied in the background with progress.
 */
@RestController
class RolloverController {

    private final RolloverPlans plans;
    private final YearRollovers rollovers;
    private final ImportController imports;
    private final RolloverKeys keys;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ActorProvider actors;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    RolloverController(RolloverPlans plans, YearRollovers rollovers, ImportController imports, RolloverKeys keys, ImportJobs jobs,
            ImportRunner runner, ActorProvider actors, IdGenerator ids, Clock clock, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.plans = plans;
        this.rollovers = rollovers;
        this.imports = imports;
        this.keys = keys;
        this.jobs = jobs;
        this.runner = runner;
        this.actors = actors;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    @ApiResponse(responseCode = "202", description = "Đã nhận, đang chờ chạy",
            content = @Content(schema = @Schema(implementation = RolloverAccepted.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"},
            conflict = {"ROLLOVER_ALREADY_DONE", "ROLLOVER_YEAR_NOT_SCHEDULED", "ROLLOVER_CLASS_WRONG_YEAR", "ROLLOVER_CLASS_GRADUATES",
                    "ROLLOVER_CLASS_DETAILS_DIFFER", "CLASS_CLOSED", "ROLLOVER_LATE_JOINERS"})
    @Operation(summary = "Lên lớp đầu năm học: chuyển học sinh sang lớp của năm mới, cho các khối cuối tốt nghiệp",
            description = "Học sinh của mỗi lớp fromClassId sang lớp toClassId từ ngày đầu năm học mới; học sinh các khối "
                    + "graduatingGrades được ghi nhận rời trường (tốt nghiệp) từ ngày đó. Khi có học sinh vào lớp của năm cũ sau ngày "
                    + "cuối năm ấy (thường là học sinh năm nay bị ghi vào lớp năm ngoái), lần lên lớp bị từ chối, không thay đổi gì "
                    + "(ROLLOVER_LATE_JOINERS, nêu số học sinh và các lớp): hãy xếp các em vào lớp của năm nay rồi lên lớp. "
                    + "Câu trả lời 202 kèm classesLeftOut: các lớp của năm cũ không có trong kế hoạch, học sinh ở yên lớp cũ, lớp vẫn mở. "
                    + "Các lớp của năm cũ có học sinh được chuyển lớp hay tốt nghiệp được đóng từ ngày sau ngày cuối năm cũ. "
                    + "Lớp, lượt mượn và số liệu của "
                    + "những năm trước giữ nguyên. Chạy nền như một lần nhập (kind ROLLOVER). Mỗi năm học lên lớp một lần: "
                    + "khi năm học đã có một lần lên lớp đang chờ, đang chạy hay đã xong, yêu cầu khác bị từ chối "
                    + "(ROLLOVER_ALREADY_DONE); lần lên lớp thất bại hay đã dừng thì không chặn lần chạy lại. "
                    + "Lời từ chối ấy, và mọi lời từ chối theo tình trạng của trường (lớp không có, đã đóng, khác năm học, học sinh vào lớp muộn), được giữ theo "
                    + "Idempotency-Key: gửi lại cùng khóa vẫn nhận đúng lời từ chối đó.")
    @PostMapping("/api/v1/schools/{schoolId}/school-years/{schoolYear}/rollover")
    ResponseEntity<Object> rollover(@PathVariable String schoolId, @PathVariable String schoolYear,
            @RequestBody(required = false) RolloverRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String actor = actors.currentActor();
        String requestHash = hash(schoolYear, request);
        IdempotencyStore.Key idempotent = key != null && SchoolId.FORMAT.matcher(schoolId).matches()
                ? new IdempotencyStore.Key(actor, schoolId, key) : null;
        if (idempotent != null) {
            Optional<ResponseEntity<Object>> earlier = keys.earlierAnswer(idempotent, requestHash);
            if (earlier.isPresent()) {
                return withPlan(earlier.get());
            }
        }
        if (SchoolId.FORMAT.matcher(schoolId).matches() && SchoolYear.isValid(schoolYear)) {
            Optional<ResponseEntity<Object>> refused = refusedWhenRolledOver(SchoolId.of(schoolId), schoolYear, idempotent, requestHash);
            if (refused.isPresent()) {
                return withPlan(refused.get());
            }
        }
        RolloverPlan plan;
        try {
            plan = plans.plan(schoolId, schoolYear, request);
        } catch (Refused refusal) {
            // refused on the school as it stands (a class missing, closed, of another year): kept under
            // the key like the command side's refusals, so the key's answer stays the same once the school is mended
            if (idempotent == null) {
                throw refusal;
            }
            return keys.refuse(idempotent, requestHash,
                    new ApiProblem(ProblemDetailsAdvice.statusOf(refusal.code()), refusal.code().name(), refusal.arguments()));
        } catch (ApiProblem problem) {
            // an invalid plan (400) is the request's own fault, not kept; a refusal on the school's state is
            if (idempotent == null || problem.status() == HttpStatus.BAD_REQUEST || !problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            return keys.refuse(idempotent, requestHash, problem);
        }
        SchoolId school = SchoolId.of(schoolId);
        byte[] written = json.writeValueAsBytes(plan);
        UUID jobId = ids.newId();
        try {
            transactions.executeWithoutResult(status -> {
                if (idempotent != null) {
                    keys.claimForJob(idempotent, requestHash);
                }
                jobs.create(jobId, school, ImportKind.ROLLOVER, ImportFormat.JSON, false, null, 0, actor, key,
                        key == null ? null : requestHash, null, clock.instant());
                jobs.rollingOver(jobId, schoolYear);
                jobs.storeFile(jobId, new byte[0], 0, new ByteArrayInputStream(written));
            });
        } catch (DuplicateKeyException meanwhile) {
            // the same key, or another rollover of the year, came first
            Optional<ResponseEntity<Object>> earlier = idempotent == null ? Optional.empty()
                    : keys.earlierAnswer(idempotent, requestHash);
            if (earlier.isPresent()) {
                return withPlan(earlier.get());
            }
            return withPlan(refusedWhenRolledOver(school, schoolYear, idempotent, requestHash).orElseThrow(() -> meanwhile));
        }
        runner.submit(jobId);
        return withPlan(imports.accepted(jobs.find(jobId).orElseThrow(), false));
    }

    /**
     * The job's answer with what its plan leaves out: the old year's classes it neither moves nor
     * graduates, said to an API client as the page says them, the same again to a replay of the key.
     */
    private ResponseEntity<Object> withPlan(ResponseEntity<Object> answer) {
        if (!(answer.getBody() instanceof ImportController.ImportAccepted accepted)) {
            return answer;
        }
        ImportJob job = jobs.find(UUID.fromString(accepted.importId())).orElseThrow();
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .body(new RolloverAccepted(accepted.importId(), accepted.status(), rollovers.outcome(job).plan().classesLeftOut()));
    }

    /**
     * A rollover accepted: its job, and the old year's classes its plan leaves as they are (their
     * students stay in a year that is over), for the client to see before the job has run.
     */
    record RolloverAccepted(@Schema(format = "uuid") String importId, @Schema(implementation = ImportStatus.class) String status,
            List<RolloverPlan.LeftOut> classesLeftOut) {
    }

    /**
     * 409 ROLLOVER_ALREADY_DONE when the year has a standing rollover, kept under the request's key:
     * or the answer given to the key meanwhile.
     */
    private Optional<ResponseEntity<Object>> refusedWhenRolledOver(SchoolId school, String schoolYear,
            IdempotencyStore.@Nullable Key idempotent, String requestHash) {
        return rollovers.standing(school, schoolYear)
                .map(standing -> keys.refuse(idempotent, requestHash, YearRollovers.alreadyDone(schoolYear, standing)));
    }

    @ApiResponse(responseCode = "200", description = "Lần lên lớp của năm học",
            content = @Content(schema = @Schema(implementation = RolloverView.class)))
    @Refusals(notFound = "ROLLOVER_NOT_FOUND")
    @Operation(summary = "Lần lên lớp của năm học (đang chờ, đang chạy hay đã xong): khi nào, ai yêu cầu, bao nhiêu học sinh "
            + "chuyển lớp và tốt nghiệp", description = "404 ROLLOVER_NOT_FOUND khi năm học chưa lên lớp (hay chỉ có lần thất bại, đã dừng).")
    @GetMapping("/api/v1/schools/{schoolId}/school-years/{schoolYear}/rollover")
    RolloverView rolloverOf(@PathVariable String schoolId, @PathVariable String schoolYear) {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        if (!SchoolYear.isValid(schoolYear)) {
            check.problem("schoolYear", "schoolYear");
        }
        check.orRefuse();
        ImportJob job = rollovers.standing(SchoolId.of(school), schoolYear)
                .orElseThrow(() -> ApiProblem.notFound("ROLLOVER_NOT_FOUND", schoolYear));
        YearRollovers.Outcome outcome = rollovers.outcome(job);
        RolloverPlan.Tally tally = outcome.tally();
        return new RolloverView(schoolYear, outcome.plan().fromSchoolYear(), job.importId().toString(), job.status().name(),
                job.requestedAt().toString(), job.actor(), text(job.finishedAt()), tally.classesOpened(), tally.studentsMoved(),
                tally.studentsGraduated(), outcome.plan().classesLeftOut());
    }

    /**
     * A year's standing rollover: its job, who asked for it and when, and how many classes its plan
     * opened and students it moved or graduated (those still to come while it runs; its rejected steps not),
     * and the old year's classes it left as they were.
     */
    record RolloverView(String schoolYear, String fromSchoolYear, @Schema(format = "uuid") String importId,
            @Schema(implementation = ImportStatus.class) String status, String requestedAt, String requestedBy,
            @Nullable String finishedAt, int classesOpened, int studentsMoved, int studentsGraduated,
            List<RolloverPlan.LeftOut> classesLeftOut) {
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** SHA-256 of what was asked: the same key with another rollover is refused. */
    private String hash(String schoolYear, RolloverRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("ROLLOVER|" + schoolYear + "|").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request == null ? "" : request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
