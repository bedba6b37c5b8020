package vn.motsach.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motsach.command.execution.ActorProvider;
import vn.motsach.command.execution.CommandExecutor;
import vn.motsach.command.lookup.Lookups;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.RequestCheck;

/** Import jobs: a file accepted at once, applied in the background, its progress and issues read back. */
@Tag(name = "imports", description = "Nhập dữ liệu từ MARC 21 và bảng tính")
@RestController
class ImportController {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/-]{1,16}");
    /** The issues of each kind a job's answer lists; the report has them all. */
    private static final int LISTED_ISSUES = 1000;

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Lookups lookups;
    private final ActorProvider actors;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final MessageSource messages;

    ImportController(ImportJobs jobs, ImportRunner runner, Lookups lookups, ActorProvider actors, IdGenerator ids, Clock clock,
            PlatformTransactionManager transactionManager, MessageSource messages) {
        this.jobs = jobs;
        this.runner = runner;
        this.lookups = lookups;
        this.actors = actors;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
    }

    @Operation(summary = "Nhập một tệp (MARC 21, MARCXML, XLSX, CSV): nhận ngay, chạy nền")
    @PostMapping(path = "/api/v1/schools/{schoolId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> start(@PathVariable String schoolId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String format,
            @RequestParam(required = false) String dryRun, @RequestParam(required = false) String barcodePrefix,
            @RequestParam(required = false) String copiesPerRecord,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) throws IOException {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        ImportKind importKind = check.converted("kind", check.required("kind", kind), ImportKind::valueOf);
        ImportFormat declared = format == null || format.isBlank() ? null : check.converted("format", format, ImportFormat::valueOf);
        Boolean dry = dryRun == null || dryRun.isBlank() ? Boolean.FALSE
                : check.converted("dryRun", dryRun, ImportController::bool);
        String prefix = check.optionalMatching("barcodePrefix", barcodePrefix == null || barcodePrefix.isBlank() ? null
                : barcodePrefix.strip(), PREFIX);
        Integer copies = copiesPerRecord == null || copiesPerRecord.isBlank() ? Integer.valueOf(0)
                : check.converted("copiesPerRecord", copiesPerRecord.strip(), Integer::valueOf);
        if (copies != null && (copies < 0 || copies > 50)) {
            check.problem("copiesPerRecord", "range", 0, 50);
        }
        if (copies != null && copies > 0 && prefix == null && barcodePrefix == null) {
            check.problem("barcodePrefix", "required");
        }
        if (importKind != null && !runner.supports(importKind)) {
            check.problem("kind", "importKindNotYet", importKind);
        }
        if (file == null || file.isEmpty()) {
            check.problem("file", "required");
        }
        check.orRefuse();
        SchoolId schoolOf = SchoolId.of(school);
        if (!lookups.schoolExists(schoolOf)) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, school);
        }
        String actor = actors.currentActor();
        if (key != null) {
            Optional<ImportJob> earlier = jobs.findByKey(schoolOf, actor, key);
            if (earlier.isPresent()) {
                return accepted(earlier.get(), true);
            }
        }
        try (InputStream in = file.getInputStream()) {
            byte[] head = new byte[ImportFormat.HEAD_BYTES];
            int headLength = in.readNBytes(head, 0, head.length);
            ImportFormat recognised = ImportFormat.recognise(head, headLength)
                    .orElseThrow(() -> ApiProblem.invalid(List.of(new ApiProblem.FieldProblem("file", "required"))));
            ImportFormat chosen = declared == null ? recognised : declared;
            if (chosen == ImportFormat.XLSX && recognised != ImportFormat.XLSX) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "IMPORT_FILE_UNREADABLE", "XLSX");
            }
            UUID importId = ids.newId();
            transactions.executeWithoutResult(status -> {
                jobs.create(importId, schoolOf, importKind, chosen, dry, prefix, copies, actor, key,
                        file.getOriginalFilename(), clock.instant());
                jobs.storeFile(importId, head, headLength, in);
            });
            runner.submit(importId);
            return accepted(jobs.find(importId).orElseThrow(), false);
        }
    }

    @Operation(summary = "Một lần nhập: tiến độ, số bản ghi, lỗi và cảnh báo")
    @GetMapping("/api/v1/schools/{schoolId}/imports/{importId}")
    ResponseEntity<Object> job(@PathVariable String schoolId, @PathVariable String importId) {
        ImportJob job = find(schoolId, importId);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (job.status().finished()) {
            answer.header(CommandExecutor.EVENT_POSITION, Long.toString(job.lastPosition() == null ? 0 : job.lastPosition()));
        }
        return answer.body(body(job, true));
    }

    @Operation(summary = "Các lần nhập của trường, mới nhất trước")
    @GetMapping("/api/v1/schools/{schoolId}/imports")
    Map<String, Object> list(@PathVariable String schoolId) {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        check.orRefuse();
        return Map.of("items", jobs.newestFirst(SchoolId.of(school), 200).stream().map(job -> body(job, false)).toList());
    }

    @Operation(summary = "Dừng một lần nhập sau bản ghi đang xử lý")
    @DeleteMapping("/api/v1/schools/{schoolId}/imports/{importId}")
    ResponseEntity<Object> cancel(@PathVariable String schoolId, @PathVariable String importId) {
        ImportJob job = find(schoolId, importId);
        jobs.requestCancel(job.importId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body(jobs.find(job.importId()).orElseThrow(), false));
    }

    ImportJob find(String schoolId, String importId) {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        UUID id = check.converted("importId", importId, UUID::fromString);
        check.orRefuse();
        return jobs.find(SchoolId.of(school), id).orElseThrow(() -> ApiProblem.notFound("IMPORT_NOT_FOUND", importId));
    }

    private ResponseEntity<Object> accepted(ImportJob job, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/schools/" + job.schoolId().value() + "/imports/" + job.importId()));
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(Map.of("importId", job.importId().toString(), "status", job.status().name()));
    }

    private Map<String, Object> body(ImportJob job, boolean withIssues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("importId", job.importId().toString());
        body.put("kind", job.kind().name());
        body.put("format", job.format().name());
        body.put("status", job.status().name());
        body.put("dryRun", job.dryRun());
        body.put("fileName", job.fileName());
        body.put("requestedAt", job.requestedAt().toString());
        body.put("total", job.total());
        body.put("processed", job.processed());
        body.put("created", job.created());
        body.put("updated", job.updated());
        body.put("unchanged", job.unchanged());
        body.put("rejected", job.rejected());
        body.put("startedAt", text(job.startedAt()));
        body.put("finishedAt", text(job.finishedAt()));
        if (withIssues) {
            Locale locale = LocaleContextHolder.getLocale();
            body.put("errors", jobs.issues(job.importId(), ImportIssue.Severity.ERROR, LISTED_ISSUES).stream()
                    .map(issue -> issue(issue, locale)).toList());
            body.put("warnings", jobs.issues(job.importId(), ImportIssue.Severity.WARNING, LISTED_ISSUES).stream()
                    .map(issue -> issue(issue, locale)).toList());
        }
        return body;
    }

    /** An issue as the librarian reads it: where, which field, the stable code and a message in their language. */
    Map<String, Object> issue(ImportIssue issue, Locale locale) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("record", issue.record());
        if (issue.sheet() != null) {
            body.put("sheet", issue.sheet());
        }
        if (issue.row() != null) {
            body.put("row", issue.row());
        }
        if (issue.field() != null) {
            body.put("field", issue.field());
        }
        body.put("code", issue.code());
        body.put("message", message(issue, locale));
        return body;
    }

    String message(ImportIssue issue, Locale locale) {
        return messages.getMessage("import." + issue.code(), issue.arguments().toArray(), issue.code(), locale);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
