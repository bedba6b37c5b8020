package vn.motsach.command.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
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
import vn.motsach.command.execution.RegisteredSchools;
import vn.motsach.command.imports.rollover.RolloverPlan;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.Problems;
import vn.motsach.infra.web.RequestCheck;

/** Import jobs: a file accepted at once, applied in the background, its progress and issues read back. */
@Tag(name = "imports", description = "Nhập dữ liệu từ MARC 21 và bảng tính")
@RestController
class ImportController {

    /** The kinds a file is imported for: a rollover is planned through its own route, not uploaded. */
    private static final java.util.Set<ImportKind> FILE_KINDS = java.util.EnumSet.complementOf(java.util.EnumSet.of(ImportKind.ROLLOVER));
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/-]{1,16}");
    /** How an issue's argument names the reason a reader gives, whose words are in the message bundles. */
    private static final String REASON = "reason.";
    /** The issues of each kind a job's answer lists; the report has them all. */
    private static final int LISTED_ISSUES = 1000;

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final RegisteredSchools schools;
    private final ActorProvider actors;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final YearRollovers rollovers;

    ImportController(ImportJobs jobs, ImportRunner runner, RegisteredSchools schools, ActorProvider actors, IdGenerator ids, Clock clock,
            PlatformTransactionManager transactionManager, MessageSource messages, YearRollovers rollovers) {
        this.jobs = jobs;
        this.runner = runner;
        this.schools = schools;
        this.actors = actors;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
        this.rollovers = rollovers;
    }

    @ApiResponse(responseCode = "202", description = "Đã nhận, đang chờ chạy",
            content = @Content(schema = @Schema(implementation = ImportAccepted.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Nhập một tệp (MARC 21, MARCXML, XLSX, CSV): nhận ngay, chạy nền")
    @PostMapping(path = "/api/v1/schools/{schoolId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> start(@PathVariable String schoolId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String format,
            @RequestParam(required = false) String dryRun, @RequestParam(required = false) String barcodePrefix,
            @RequestParam(required = false) String copiesPerRecord,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) throws IOException {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        ImportKind importKind = check.oneOf("kind", check.required("kind", kind), FILE_KINDS);
        ImportFormat declared = format == null || format.isBlank() ? null : check.oneOf("format", format, ImportFormat.class);
        Boolean dry = dryRun == null || dryRun.isBlank() ? Boolean.FALSE
                : check.converted("dryRun", dryRun, ImportController::bool);
        String prefix = check.optionalMatching("barcodePrefix", barcodePrefix == null || barcodePrefix.isBlank() ? null
                : barcodePrefix.strip(), PREFIX, "barcodePrefixFormat");
        Integer copies = copiesPerRecord == null || copiesPerRecord.isBlank() ? Integer.valueOf(0)
                : check.converted("copiesPerRecord", copiesPerRecord.strip(), ImportController::copiesAsked);
        if (copies != null && (copies < 0 || copies > 50)) {
            check.problem("copiesPerRecord", "range", 0, 50);
        }
        if (copies != null && copies > 0 && prefix == null && barcodePrefix == null) {
            check.problem("barcodePrefix", "required");
        }
        if (importKind != null && !runner.supports(importKind)) {
            check.problem("kind", "importKindNotYet", importKind);
        }
        if (file == null) {
            check.problem("file", "required");
        }
        check.orRefuse();
        if (file.isEmpty()) {
            throw empty(file);
        }
        SchoolId schoolOf = SchoolId.of(school);
        if (!schools.isRegistered(schoolOf)) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, school);
        }
        String actor = actors.currentActor();
        String requestHash = key == null ? null : requestHash(importKind, declared, dry, prefix, copies, file);
        if (key != null) {
            Optional<ResponseEntity<Object>> earlier = earlierAnswer(schoolOf, actor, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try (InputStream in = file.getInputStream()) {
            byte[] head = new byte[ImportFormat.HEAD_BYTES];
            int headLength = in.readNBytes(head, 0, head.length);
            ImportFormat recognised = ImportFormat.recognise(head, headLength).orElseThrow(() -> empty(file));
            ImportFormat chosen = declared == null ? recognised : declared;
            refuseKindNotImported(declared, chosen, Arrays.copyOf(head, headLength));
            if (chosen == ImportFormat.XLSX && recognised != ImportFormat.XLSX) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "IMPORT_FILE_UNREADABLE", "XLSX");
            }
            if (!chosen.carries(importKind)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "IMPORT_FORMAT_NOT_FOR_KIND", chosen, importKind);
            }
            UUID importId = ids.newId();
            try {
                transactions.executeWithoutResult(status -> {
                    jobs.create(importId, schoolOf, importKind, chosen, dry, prefix, copies, actor, key, requestHash,
                            file.getOriginalFilename(), clock.instant());
                    jobs.storeFile(importId, head, headLength, in);
                });
            } catch (DuplicateKeyException sameKeyMeanwhile) {
                return earlierAnswer(schoolOf, actor, key, requestHash).orElseThrow(() -> sameKeyMeanwhile);
            }
            runner.submit(importId);
            return accepted(jobs.find(importId).orElseThrow(), false);
        }
    }

    /**
     * A file whose first bytes show a kind the reader of its format cannot read, refused at once
     * when that is sure before any job runs: with no format named, a file of no kind we import
     * (a PDF, a LibreOffice spreadsheet, an old .xls) is said to be what it is, not to have been
     * "sent as" the format guessed for it; named a workbook, a PDF, CSV or MARC file is said to be
     * one rather than "not a readable XLSX". Another mismatch (a workbook sent as MARC or CSV)
     * fails its job with FORMAT_MISMATCH, its reader's check ({@link SentFormat#checked}).
     */
    private static void refuseKindNotImported(ImportFormat declared, ImportFormat chosen, byte[] head) {
        Optional<String> other = SentFormat.other(chosen, head);
        if (other.isEmpty()) {
            return;
        }
        DefaultMessageSourceResolvable what = new DefaultMessageSourceResolvable(new String[] {other.get()}, other.get());
        if (declared == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "IMPORT_FILE_KIND_NOT_IMPORTED", what);
        }
        if (declared == ImportFormat.XLSX) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "FORMAT_MISMATCH", what, declared);
        }
    }

    /**
     * A file sent with nothing in it (or only blanks): most often the wrong file chosen. Refused as
     * a missing file always was (VALIDATION_FAILED on {@code file}), in words that say it is empty.
     */
    private static ApiProblem empty(MultipartFile file) {
        String name = file.getOriginalFilename();
        return ApiProblem.invalid(List.of(new ApiProblem.FieldProblem("file", "fileEmpty", name == null ? "" : name)));
    }

    /**
     * The first answer again to a repeat under the same key (the job it started), or 422 when the
     * key started another request (another file, kind or option).
     */
    Optional<ResponseEntity<Object>> earlierAnswer(SchoolId school, String actor, String key, String requestHash) {
        Optional<ImportJob> earlier = jobs.findByKey(school, actor, key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!requestHash.equals(jobs.requestHash(school, actor, key).orElse(null))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
        }
        return Optional.of(accepted(earlier.get(), true));
    }

    /** SHA-256 of the request's options and its file's bytes, read from where the upload was kept. */
    private static String requestHash(ImportKind kind, ImportFormat format, boolean dryRun, String prefix, int copies,
            MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((kind + "|" + format + "|" + dryRun + "|" + prefix + "|" + copies + "|").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ApiResponse(responseCode = "200", description = "Lần nhập", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @Refusals(notFound = "IMPORT_NOT_FOUND")
    @Operation(summary = "Một lần nhập: tiến độ, số bản ghi, lỗi và cảnh báo")
    @GetMapping("/api/v1/schools/{schoolId}/imports/{importId}")
    ResponseEntity<Object> job(@PathVariable String schoolId, @PathVariable String importId) {
        ImportJob job = find(schoolId, importId);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (job.status().finished()) {
            answer.header(CommandResponses.EVENT_POSITION, Long.toString(job.lastPosition() == null ? 0 : job.lastPosition()));
        }
        return answer.body(body(job, true));
    }

    @Operation(summary = "Các lần nhập của trường, mới nhất trước")
    @GetMapping("/api/v1/schools/{schoolId}/imports")
    ImportList list(@PathVariable String schoolId) {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        check.orRefuse();
        return new ImportList(jobs.newestFirst(SchoolId.of(school), 200).stream().map(job -> body(job, false)).toList());
    }

    @ApiResponse(responseCode = "202", description = "Sẽ dừng sau bản ghi đang xử lý",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @Refusals(notFound = "IMPORT_NOT_FOUND")
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

    ResponseEntity<Object> accepted(ImportJob job, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/schools/" + job.schoolId().value() + "/imports/" + job.importId()));
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(new ImportAccepted(job.importId().toString(), job.status().name()));
    }

    private ImportView body(ImportJob job, boolean withIssues) {
        Locale locale = LocaleContextHolder.getLocale();
        return new ImportView(job.importId().toString(), job.kind().name(), job.format().name(), job.status().name(),
                job.dryRun(), job.fileName(), job.requestedAt().toString(), job.total(), job.processed(), job.created(),
                job.updated(), job.unchanged(), job.rejected(), text(job.startedAt()), text(job.finishedAt()),
                withIssues ? issues(job, ImportIssue.Severity.ERROR, locale) : null,
                withIssues ? issues(job, ImportIssue.Severity.WARNING, locale) : null,
                withIssues && job.kind() == ImportKind.ROLLOVER ? rollovers.outcome(job).plan().classesLeftOut() : null);
    }

    private List<IssueView> issues(ImportJob job, ImportIssue.Severity severity, Locale locale) {
        return jobs.issues(job.importId(), severity, LISTED_ISSUES).stream()
                .map(issue -> new IssueView(issue.record(), issue.sheet(), issue.row(), issue.field(),
                        fieldLabel(job, issue, locale), issue.code(), message(issue, locale)))
                .toList();
    }

    /**
     * The column an issue is about as the librarian's file names it (the template's header, a MARC
     * tag and subfield), in English for a reader asking for English; the field's API name when it is
     * none of the file's columns, null when the issue names no field.
     */
    String fieldLabel(ImportJob job, ImportIssue issue, Locale locale) {
        if (issue.field() == null) {
            return null;
        }
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return runner.process(job.kind()).flatMap(process -> process.fieldLabel(job.format(), issue.field(), english))
                .orElse(issue.field());
    }

    /**
     * An issue's message in the reader's language; an argument naming a reason ({@code reason.…},
     * what a reader found wrong with a file) is put in the same language. A record that is not a
     * workbook's row (a MARC record) is said with {@code import.<code>.record} when there is one.
     */
    String message(ImportIssue issue, Locale locale) {
        // only what is said of the whole file names reasons; a field's arguments are the file's own words
        boolean fromReader = issue.field() == null;
        Object[] arguments = Problems.inWords(issue.arguments().stream()
                .map(argument -> fromReader && argument.startsWith(REASON)
                        ? new DefaultMessageSourceResolvable(new String[] {argument}, argument) : ImportIssue.argument(argument))
                .toArray(), locale);
        // a MARC record is no row: where a row's message says "dòng", the record's says "bản ghi"
        if (issue.row() == null && issue.record() > 0) {
            String record = messages.getMessage("import." + issue.code() + ".record", arguments, null, locale);
            if (record != null) {
                return record;
            }
        }
        return messages.getMessage("import." + issue.code(), arguments, issue.code(), locale);
    }

    record ImportAccepted(@Schema(format = "uuid") String importId, @Schema(implementation = ImportStatus.class) String status) {
    }

    /**
     * A job as the contract shows it; {@code errors} and {@code warnings} (the first 1,000 of each)
     * only for one job, and so is a rollover's {@code classesLeftOut}: the old year's classes its
     * plan neither moved nor graduated, kept with the job (its plan), for the finished rollover to say.
     */
    record ImportView(@Schema(format = "uuid") String importId, @Schema(implementation = ImportKind.class) String kind,
            @Schema(implementation = ImportFormat.class) String format, @Schema(implementation = ImportStatus.class) String status,
            boolean dryRun, @Nullable String fileName, String requestedAt, @Nullable Integer total, int processed, int created,
            int updated, int unchanged, int rejected, @Nullable String startedAt, @Nullable String finishedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<IssueView> errors,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<IssueView> warnings,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<RolloverPlan.LeftOut> classesLeftOut) {
    }

    /**
     * Where in the file (record number; sheet and row of a workbook), which field (its stable API
     * name, and {@code fieldLabel}: the column as the file names it, for the librarian), the code and its message.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IssueView(int record, @Nullable String sheet, @Nullable Integer row, @Nullable String field,
            @Nullable String fieldLabel, String code, String message) {
    }

    record ImportList(List<ImportView> items) {
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * Copies per record as asked: a number of any length is said to be out of range (-1), not no
     * number; only its digits are looked at, so a form field of a million digits costs no more than
     * reading it (a big-number parse would take seconds of CPU).
     */
    static int copiesAsked(String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw new NumberFormatException(text);
        }
        String digits = text.charAt(0) == '+' || text.charAt(0) == '-' ? text.substring(1) : text;
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return text.charAt(0) == '-' && !significant.equals("0") || significant.length() > 9 ? -1 : Integer.parseInt(significant);
    }

    private static Boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
