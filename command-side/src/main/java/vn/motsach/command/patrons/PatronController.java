package vn.motsach.command.patrons;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.patrons.PatronCommands.MovePatronToClass;
import vn.motsach.command.patrons.PatronCommands.RecordDeparture;
import vn.motsach.command.patrons.PatronCommands.RegisterPatron;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.LocalId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** Classes and patrons: set-up, class moves, departures. */
@Tag(name = "patrons", description = "Bạn đọc và lớp học")
@RestController
class PatronController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The earliest day a school's records can name. */

    private final CommandResponses commands;

    PatronController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo lớp",
            content = @Content(schema = @Schema(implementation = ClassBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã cập nhật lớp",
            content = @Content(schema = @Schema(implementation = ClassBody.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND", conflict = {"GRADE_NOT_TAUGHT", "HOMEROOM_TEACHER_NOT_TEACHER", "HOMEROOM_TEACHER_CASE_DIFFERS"})
    @Operation(summary = "Lập hoặc sửa một lớp của một năm học")
    @PutMapping("/api/v1/schools/{schoolId}/classes/{classId}")
    ResponseEntity<ClassBody> setUpClass(ClassSetUp asked) {
        SetUpClass command = asked.command();
        return commands.respond(command, registration -> ResponseEntity.status(statusOf(registration))
                .body(new ClassBody(asked.classId(), command.name(), command.grade(), command.schoolYear().value(),
                        command.homeroomTeacherId() == null ? null : command.homeroomTeacherId().value())));
    }

    /** From {@code closedOn} (today when not given) the class takes no new member and no new library period. */
    @ApiResponse(responseCode = "200", description = "Lớp đã đóng (hoặc đã đóng từ trước: ngày đóng đầu tiên)",
            content = @Content(schema = @Schema(implementation = ClosingBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"})
    @Operation(summary = "Đóng một lớp (Close a class)",
            description = "Từ ngày closedOn (mặc định hôm nay) lớp không nhận thêm học sinh hay tiết đọc thư viện; "
                    + "lịch sử của lớp được giữ nguyên. Đóng lại một lớp đã đóng trả về ngày đóng đầu tiên.")
    @PostMapping("/api/v1/schools/{schoolId}/classes/{classId}/closing")
    ResponseEntity<ClosingBody> closeClass(ClassClosing asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST closing " + asked.classId(), asked.body()),
                asked.command(), closedOn -> ResponseEntity.ok(new ClosingBody(asked.classId(), closedOn)));
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo bạn đọc",
            content = @Content(schema = @Schema(implementation = PatronBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã cập nhật bạn đọc",
            content = @Content(schema = @Schema(implementation = PatronBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"}, conflict = "CLASS_CLOSED")
    @Operation(summary = "Đăng ký hoặc sửa một bạn đọc (học sinh, giáo viên, nhân viên)")
    @PutMapping("/api/v1/schools/{schoolId}/patrons/{patronId}")
    ResponseEntity<PatronBody> registerPatron(PatronRegistration asked) {
        RegisterPatron command = asked.command();
        return commands.respond(command, registration -> ResponseEntity.status(statusOf(registration))
                .body(new PatronBody(asked.patronId(), command.fullName(), command.category(),
                        command.classId() == null ? null : command.classId().value())));
    }

    @ApiResponse(responseCode = "201", description = "Đã chuyển lớp",
            content = @Content(schema = @Schema(implementation = ClassMoveBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã ở lớp đó từ ngày ấy",
            content = @Content(schema = @Schema(implementation = ClassMoveBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PATRON_NOT_FOUND", "CLASS_NOT_FOUND"},
            conflict = {"CLASS_CLOSED", "CLASS_MOVE_BEFORE_REGISTRATION"})
    @Operation(summary = "Chuyển một học sinh sang lớp khác từ một ngày")
    @PostMapping("/api/v1/schools/{schoolId}/patrons/{patronId}/class-moves")
    ResponseEntity<ClassMoveBody> moveToClass(ClassMove asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        MovePatronToClass command = asked.command();
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST class-moves " + asked.patronId(), asked.body()),
                command, moved -> ResponseEntity.status(moved ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new ClassMoveBody(asked.patronId(), command.toClassId().value(), command.effectiveOn())));
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi nhận rời trường",
            content = @Content(schema = @Schema(implementation = DepartureBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã ghi nhận từ trước",
            content = @Content(schema = @Schema(implementation = DepartureBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PATRON_NOT_FOUND"}, conflict = "DEPARTURE_BEFORE_REGISTRATION")
    @Operation(summary = "Ghi nhận một bạn đọc rời trường (tốt nghiệp, chuyển trường, lý do khác)",
            description = "Ngày rời trường (leftOn, mặc định hôm nay) không được trước ngày bạn đọc vào trường (ngày đăng ký, "
                    + "hay ngày trở lại sau lần rời trước): DEPARTURE_BEFORE_REGISTRATION, không thay đổi gì.")
    @PostMapping("/api/v1/schools/{schoolId}/patrons/{patronId}/departures")
    ResponseEntity<DepartureBody> recordDeparture(Departure asked,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        RecordDeparture command = asked.command();
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST departures " + asked.patronId(), asked.body()),
                command, left -> ResponseEntity.status(left.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                        // a patron who had left keeps that departure: the answer says it, not the one asked for
                        .body(new DepartureBody(asked.patronId(), left.reason(), left.leftOn())));
    }

    private static HttpStatus statusOf(SchoolRegistration registration) {
        return registration == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK;
    }

    /** {@code PUT .../classes/{classId}}: the school and class the path names, as the body describes the class. */
    record ClassSetUp(String classId, SetUpClass command) implements CheckedRequest {

        ClassSetUp(RequestValues in, ClassRequest body) {
            this(in.value("classId"), body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "classId")));
        }
    }

    record ClassClosing(String schoolId, String classId, CloseClass command, ClosingRequest body) implements CheckedRequest {

        ClassClosing(RequestValues in, ClosingRequest body) {
            this(in.value("schoolId"), in.value("classId"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "classId"), in.today()), body);
        }
    }

    record PatronRegistration(String patronId, RegisterPatron command) implements CheckedRequest {

        PatronRegistration(RequestValues in, PatronRequest body) {
            this(in.value("patronId"), body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "patronId"), in.today()));
        }
    }

    record ClassMove(String schoolId, String patronId, MovePatronToClass command, ClassMoveRequest body)
            implements CheckedRequest {

        ClassMove(RequestValues in, ClassMoveRequest body) {
            this(in.value("schoolId"), in.value("patronId"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "patronId")), body);
        }
    }

    record Departure(String schoolId, String patronId, RecordDeparture command, DepartureRequest body) implements CheckedRequest {

        Departure(RequestValues in, DepartureRequest body) {
            this(in.value("schoolId"), in.value("patronId"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "patronId"), in.today()), body);
        }
    }

    record ClassRequest(String name, Integer grade, @Schema(example = "2025-2026") String schoolYear,
            @Nullable String homeroomTeacherId) {

        SetUpClass toCommand(RequestCheck check, String school, String id) {
            String checkedName = check.text("name", name, 50);
            if (check.required("grade", grade) != null && (grade < 0 || grade > 12)) {
                check.problem("grade", "range", 0, 12);
            }
            if (check.required("schoolYear", schoolYear) != null && !SchoolYear.isValid(schoolYear)) {
                check.problem("schoolYear", "schoolYear");
            }
            String teacher = check.optionalMatching("homeroomTeacherId", homeroomTeacherId, LocalId.FORMAT);
            return check.ifPassed(() -> new SetUpClass(SchoolId.of(school), ClassId.of(id), checkedName, grade,
                    SchoolYear.of(schoolYear), teacher == null ? null : PatronId.of(teacher)));
        }
    }

    record ClassBody(String classId, String name, int grade, String schoolYear, @Nullable String homeroomTeacherId) {
    }

    record ClosingRequest(@Nullable LocalDate closedOn) {

        CloseClass toCommand(RequestCheck check, String school, String id, LocalDate today) {
            LocalDate day = closedOn == null ? today : closedOn;
            if (day.isAfter(today)) {
                check.problem("closedOn", "inFuture");
            }
            return check.ifPassed(() -> new CloseClass(SchoolId.of(school), ClassId.of(id), day));
        }
    }

    record ClosingBody(String classId, LocalDate closedOn) {
    }

    record PatronRequest(String fullName, @Schema(implementation = PatronCategory.class) String category,
            @Nullable String classId) {

        RegisterPatron toCommand(RequestCheck check, String school, String id, LocalDate today) {
            String name = check.text("fullName", fullName, 200);
            PatronCategory checkedCategory = check.oneOf("category", check.required("category", category),
                    PatronCategory.class);
            String checkedClass = check.optionalMatching("classId", classId, LocalId.FORMAT);
            return check.ifPassed(() -> new RegisterPatron(SchoolId.of(school), PatronId.of(id), name, checkedCategory,
                    checkedClass == null ? null : ClassId.of(checkedClass), today));
        }
    }

    record PatronBody(String patronId, String fullName, PatronCategory category, @Nullable String classId) {
    }

    record ClassMoveRequest(String toClassId, LocalDate effectiveOn) {

        MovePatronToClass toCommand(RequestCheck check, String school, String id) {
            String to = check.matching("toClassId", toClassId, LocalId.FORMAT);
            check.required("effectiveOn", effectiveOn);
            return check.ifPassed(() -> new MovePatronToClass(SchoolId.of(school), PatronId.of(id), ClassId.of(to), effectiveOn));
        }
    }

    record ClassMoveBody(String patronId, String toClassId, LocalDate effectiveOn) {
    }

    record DepartureRequest(@Schema(implementation = DepartureReason.class) String reason,
            @Schema(description = "Mặc định: hôm nay") @Nullable LocalDate leftOn) {

        RecordDeparture toCommand(RequestCheck check, String school, String id, LocalDate today) {
            DepartureReason checkedReason = check.oneOf("reason", check.required("reason", reason), DepartureReason.class);
            return check.ifPassed(() -> new RecordDeparture(SchoolId.of(school), PatronId.of(id), checkedReason,
                    leftOn == null ? today : leftOn));
        }
    }

    record DepartureBody(String patronId, DepartureReason reason, LocalDate leftOn) {
    }
}
