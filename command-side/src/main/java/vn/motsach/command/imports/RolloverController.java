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
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.execution.ActorProvider;
import vn.motsach.command.imports.rollover.RolloverPlan;
import vn.motsach.command.imports.rollover.RolloverPlans;
import vn.motsach.command.imports.rollover.RolloverPlans.RolloverRequest;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.time.IdGenerator;

/**
 * The year's rollover, a job like an import: its plan is checked and written at once (every
 * refusal a problem detail, nothing changed), then applied in the background with progress.
 */
@RestController
class RolloverController {

    private final RolloverPlans plans;
    private final ImportController imports;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ActorProvider actors;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    RolloverController(RolloverPlans plans, ImportController imports, ImportJobs jobs, ImportRunner runner, ActorProvider actors,
            IdGenerator ids, Clock clock, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.plans = plans;
        this.imports = imports;
        this.jobs = jobs;
        this.runner = runner;
        this.actors = actors;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    @ApiResponse(responseCode = "202", description = "Đã nhận, đang chờ chạy",
            content = @Content(schema = @Schema(implementation = ImportController.ImportAccepted.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"},
            conflict = {"ROLLOVER_YEAR_NOT_SCHEDULED", "ROLLOVER_CLASS_WRONG_YEAR", "ROLLOVER_CLASS_GRADUATES", "CLASS_CLOSED"})
    @Operation(summary = "Lên lớp đầu năm học: chuyển học sinh sang lớp của năm mới, cho các khối cuối tốt nghiệp",
            description = "Học sinh của mỗi lớp fromClassId sang lớp toClassId từ ngày đầu năm học mới; học sinh các khối "
                    + "graduatingGrades được ghi nhận rời trường (tốt nghiệp) từ ngày đó. Lớp, lượt mượn và số liệu của "
                    + "những năm trước giữ nguyên. Chạy nền như một lần nhập (kind ROLLOVER).")
    @PostMapping("/api/v1/schools/{schoolId}/school-years/{schoolYear}/rollover")
    ResponseEntity<Object> rollover(@PathVariable String schoolId, @PathVariable String schoolYear,
            @RequestBody(required = false) RolloverRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String actor = actors.currentActor();
        String requestHash = hash(schoolYear, request);
        if (key != null && SchoolId.FORMAT.matcher(schoolId).matches()) {
            Optional<ResponseEntity<Object>> earlier = imports.earlierAnswer(SchoolId.of(schoolId), actor, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        RolloverPlan plan = plans.plan(schoolId, schoolYear, request);
        SchoolId school = SchoolId.of(schoolId);
        byte[] written = json.writeValueAsBytes(plan);
        UUID jobId = ids.newId();
        try {
            transactions.executeWithoutResult(status -> {
                jobs.create(jobId, school, ImportKind.ROLLOVER, ImportFormat.JSON, false, null, 0, actor, key,
                        key == null ? null : requestHash, null, clock.instant());
                jobs.storeFile(jobId, new byte[0], 0, new ByteArrayInputStream(written));
            });
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return imports.earlierAnswer(school, actor, key, requestHash).orElseThrow(() -> sameKeyMeanwhile);
        }
        runner.submit(jobId);
        return imports.accepted(jobs.find(jobId).orElseThrow(), false);
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
