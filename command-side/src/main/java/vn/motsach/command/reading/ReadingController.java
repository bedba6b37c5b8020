package vn.motsach.command.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.patrons.PatronLookups.Member;
import vn.motsach.command.reading.ReadingCommands.HoldLibraryPeriod;
import vn.motsach.command.reading.ReadingCommands.RecordParticipation;
import vn.motsach.command.reading.ReadingCommands.RecordReadingSession;
import vn.motsach.command.reading.ReadingCommands.RemoveReadingTarget;
import vn.motsach.command.reading.ReadingCommands.ScheduleReadingEvent;
import vn.motsach.command.reading.ReadingCommands.SetReadingTarget;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.ClassId;
import vn.motsach.events.LocalId;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.TitleId;
import vn.motsach.events.reading.ReadingTargetSet;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.web.RequestCheck;

/** Reading culture over HTTP: sessions, library periods, reading events and targets. */
@Tag(name = "reading", description = "Văn hoá đọc: phiên đọc, giờ đọc thư viện, sự kiện đọc, mục tiêu")
@RestController
class ReadingController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The longest session a school records: a whole school day of reading, not more. */
    static final int MAX_SESSION_MINUTES = 480;
    /** Desks' clocks run a little apart; a session may start this much "in the future". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CommandResponses commands;
    private final SchoolRecords records;
    private final IdGenerator ids;
    private final Clock clock;

    ReadingController(CommandResponses commands, SchoolRecords records, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.records = records;
        this.ids = ids;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi phiên đọc",
            content = @Content(schema = @Schema(implementation = SessionBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PATRON_NOT_FOUND", "TITLE_NOT_FOUND"},
            conflict = {"PATRON_INACTIVE", "OUTSIDE_SCHOOL_YEAR"}, forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Ghi một phiên đọc của một bạn đọc (ở thư viện, góc lớp hoặc ở nhà)")
    @PostMapping("/api/v1/schools/{schoolId}/reading-sessions")
    ResponseEntity<Object> recordSession(@PathVariable String schoolId, @RequestBody SessionRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        RecordReadingSession command = request.toCommand(schoolId, new ReadingSessionId(ids.newId()), clock);
        requireOwnStudents(command.schoolId(), List.of(command.patronId()), command.startedOn());
        return commands.respond(new IdempotentRequest(schoolId, key, "POST reading-sessions", request), command,
                sessionId -> ResponseEntity.status(HttpStatus.CREATED).body(new SessionBody(command.sessionId().toString())));
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi giờ đọc thư viện",
            content = @Content(schema = @Schema(implementation = PeriodBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND", "PATRON_NOT_FOUND"},
            conflict = {"OUTSIDE_SCHOOL_YEAR", "NOT_IN_CLASS", "CLASS_CLOSED"}, forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Ghi một giờ đọc thư viện của một lớp, với những học sinh có mặt")
    @PostMapping("/api/v1/schools/{schoolId}/library-periods")
    ResponseEntity<Object> holdPeriod(@PathVariable String schoolId, @RequestBody PeriodRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        HoldLibraryPeriod command = request.toCommand(schoolId, new PeriodId(ids.newId()), LocalDate.now(clock));
        CurrentCaller.requireClasses(List.of(command.classId().value()));
        return commands.respond(new IdempotentRequest(schoolId, key, "POST library-periods", request), command,
                periodId -> ResponseEntity.status(HttpStatus.CREATED).body(new PeriodBody(command.periodId().toString())));
    }

    @ApiResponse(responseCode = "201", description = "Đã lên lịch sự kiện đọc",
            content = @Content(schema = @Schema(implementation = ReadingEventBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"}, conflict = "OUTSIDE_SCHOOL_YEAR", forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Lên lịch một sự kiện đọc (ngày hội đọc, giới thiệu sách, lễ hội, cuộc thi) cho các lớp")
    @PostMapping("/api/v1/schools/{schoolId}/reading-events")
    ResponseEntity<Object> scheduleEvent(@PathVariable String schoolId, @RequestBody ReadingEventRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ScheduleReadingEvent command = request.toCommand(schoolId, new ReadingEventId(ids.newId()));
        CurrentCaller.requireClasses(command.classIds().stream().map(ClassId::value).toList());
        return commands.respond(new IdempotentRequest(schoolId, key, "POST reading-events", request), command,
                scheduled -> ResponseEntity.status(HttpStatus.CREATED).body(new ReadingEventBody(command.eventId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi người tham gia",
            content = @Content(schema = @Schema(implementation = ParticipationBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_EVENT_NOT_FOUND", "PATRON_NOT_FOUND"}, conflict = "NOT_IN_CLASS",
            forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Ghi những bạn đọc tham gia một sự kiện đọc")
    @PostMapping("/api/v1/schools/{schoolId}/reading-events/{eventId}/participations")
    ResponseEntity<Object> recordParticipation(@PathVariable String schoolId, @PathVariable String eventId,
            @RequestBody ParticipationRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        RecordParticipation command = request.toCommand(schoolId, eventId, LocalDate.now(clock));
        requireOwnStudents(command.schoolId(), command.patronIds(), command.today());
        return commands.respond(new IdempotentRequest(schoolId, key, "POST participations " + eventId, request), command,
                added -> ResponseEntity.ok(new ParticipationBody(eventId, added)));
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo mục tiêu",
            content = @Content(schema = @Schema(implementation = TargetBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã cập nhật mục tiêu",
            content = @Content(schema = @Schema(implementation = TargetBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"})
    @Operation(summary = "Đặt hoặc sửa một mục tiêu văn hoá đọc của trường, khối hoặc lớp")
    @PutMapping("/api/v1/schools/{schoolId}/reading-targets/{targetId}")
    ResponseEntity<Object> setTarget(@PathVariable String schoolId, @PathVariable String targetId,
            @RequestBody TargetRequest request) {
        SetReadingTarget command = request.toCommand(schoolId, targetId);
        return commands.respond(command,
                registration -> ResponseEntity.status(registration == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new TargetBody(targetId, command.metric(), command.scope(), command.scopeId(), command.period(),
                                command.threshold())));
    }

    /** The target is no longer followed: analytics stops showing it; setting it again starts it afresh. */
    @ApiResponse(responseCode = "204", description = "Đã xoá mục tiêu")
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_TARGET_NOT_FOUND"})
    @Operation(summary = "Xóa một mục tiêu đọc (Remove a reading target)")
    @DeleteMapping("/api/v1/schools/{schoolId}/reading-targets/{targetId}")
    ResponseEntity<Void> removeTarget(@PathVariable String schoolId, @PathVariable String targetId) {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        String target = check.matching("targetId", targetId, LocalId.FORMAT);
        check.orRefuse();
        return commands.respond(new RemoveReadingTarget(SchoolId.of(school), target), removed -> ResponseEntity.noContent().build());
    }

    /**
     * A teacher records reading only for the students of their classes (their class on
     * {@code day}). Staff belong to no class and count in no class's metrics; a patron who does
     * not exist is left for the command to refuse.
     */
    private void requireOwnStudents(SchoolId school, Collection<PatronId> patrons, LocalDate day) {
        CurrentCaller.requireClasses(() -> patrons.stream()
                .flatMap(patron -> records.memberOn(school, patron, day).stream())
                .map(Member::classId)
                .filter(Objects::nonNull)
                .map(ClassId::value)
                .distinct()
                .toList());
    }

    record SessionRequest(String patronId, @Schema(format = "uuid") @Nullable String titleId, OffsetDateTime startedAt,
            Integer minutes, @Schema(implementation = ReadingPlace.class) String place) {

        RecordReadingSession toCommand(String schoolId, ReadingSessionId sessionId, Clock clock) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String patron = check.matching("patronId", patronId, LocalId.FORMAT);
            TitleId title = check.converted("titleId", titleId, TitleId::parse);
            if (check.required("startedAt", startedAt) != null
                    && startedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                check.problem("startedAt", "inFuture");
            }
            if (check.required("minutes", minutes) != null && (minutes < 1 || minutes > MAX_SESSION_MINUTES)) {
                check.problem("minutes", "range", 1, MAX_SESSION_MINUTES);
            }
            ReadingPlace checkedPlace = check.converted("place", check.required("place", place), ReadingPlace::valueOf);
            check.orRefuse();
            Instant at = startedAt.toInstant();
            return new RecordReadingSession(SchoolId.of(school), sessionId, PatronId.of(patron), title, at,
                    LocalDate.ofInstant(at, clock.getZone()), minutes, checkedPlace);
        }
    }

    record SessionBody(String sessionId) {
    }

    record PeriodRequest(String classId, LocalDate heldOn, @Schema(implementation = PeriodActivity.class) String activity,
            @Nullable List<String> attendeeIds, @Nullable String teacherId, @Nullable String note) {

        HoldLibraryPeriod toCommand(String schoolId, PeriodId periodId, LocalDate today) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String checkedClass = check.matching("classId", classId, LocalId.FORMAT);
            if (check.required("heldOn", heldOn) != null && heldOn.isAfter(today)) {
                check.problem("heldOn", "inFuture");
            }
            PeriodActivity checkedActivity = check.converted("activity", check.required("activity", activity), PeriodActivity::valueOf);
            List<PatronId> attendees = patrons(check, "attendeeIds", attendeeIds == null ? List.of() : attendeeIds);
            String teacher = check.optionalMatching("teacherId", teacherId, LocalId.FORMAT);
            String checkedNote = check.optionalText("note", note, 1000);
            check.orRefuse();
            return new HoldLibraryPeriod(SchoolId.of(school), periodId, ClassId.of(checkedClass), heldOn, checkedActivity,
                    attendees, teacher == null ? null : PatronId.of(teacher), checkedNote);
        }
    }

    record PeriodBody(String periodId) {
    }

    record ReadingEventRequest(String name, @Schema(implementation = ReadingEventKind.class) String kind, LocalDate startsOn,
            LocalDate endsOn, List<String> classIds) {

        ScheduleReadingEvent toCommand(String schoolId, ReadingEventId eventId) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String checkedName = check.text("name", name, 200);
            ReadingEventKind checkedKind = check.converted("kind", check.required("kind", kind), ReadingEventKind::valueOf);
            check.required("startsOn", startsOn);
            if (check.required("endsOn", endsOn) != null && startsOn != null && endsOn.isBefore(startsOn)) {
                check.problem("endsOn", "notAfter", "startsOn");
            }
            List<ClassId> classes = check.nonEmpty("classIds", classIds).stream()
                    .map(id -> check.matching("classIds", id, LocalId.FORMAT))
                    .filter(id -> id != null)
                    .map(ClassId::of)
                    .toList();
            check.orRefuse();
            return new ScheduleReadingEvent(SchoolId.of(school), eventId, checkedName, checkedKind, startsOn, endsOn, classes);
        }
    }

    record ReadingEventBody(String eventId) {
    }

    record ParticipationRequest(List<String> patronIds) {

        RecordParticipation toCommand(String schoolId, String eventId, LocalDate today) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            ReadingEventId event = check.converted("eventId", eventId, ReadingEventId::parse);
            List<PatronId> patrons = patrons(check, "patronIds", check.nonEmpty("patronIds", patronIds));
            check.orRefuse();
            return new RecordParticipation(SchoolId.of(school), event, patrons, today);
        }
    }

    record ParticipationBody(String eventId, int newParticipants) {
    }

    record TargetRequest(@Schema(implementation = TargetMetric.class) String metric,
            @Schema(implementation = TargetScope.class) String scope,
            @Schema(description = "Mã lớp (CLASS) hoặc khối 0..12 (GRADE); không có với SCHOOL") @Nullable String scopeId,
            @Schema(implementation = MetricPeriod.class) String period, BigDecimal threshold) {

        SetReadingTarget toCommand(String schoolId, String targetId) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String target = check.matching("targetId", targetId, LocalId.FORMAT);
            TargetMetric checkedMetric = check.converted("metric", check.required("metric", metric), TargetMetric::valueOf);
            TargetScope checkedScope = check.converted("scope", check.required("scope", scope), TargetScope::valueOf);
            MetricPeriod checkedPeriod = check.converted("period", check.required("period", period), MetricPeriod::valueOf);
            String checkedScopeId = null;
            if (checkedScope == TargetScope.CLASS) {
                checkedScopeId = check.matching("scopeId", scopeId, LocalId.FORMAT);
            } else if (checkedScope == TargetScope.GRADE) {
                Integer grade = check.converted("scopeId", check.required("scopeId", scopeId), Integer::valueOf);
                if (grade != null && (grade < 0 || grade > 12)) {
                    check.problem("scopeId", "range", 0, 12);
                }
                checkedScopeId = grade == null ? null : grade.toString();
            } else if (scopeId != null) {
                check.problem("scopeId", "notForSchoolScope");
            }
            if (check.required("threshold", threshold) != null) {
                BigDecimal most = checkedMetric == TargetMetric.ACTIVE_READER_RATE ? BigDecimal.ONE : BigDecimal.valueOf(100_000);
                if (threshold.signum() < 0 || threshold.compareTo(most) > 0) {
                    check.problem("threshold", "range", 0, most);
                }
            }
            check.orRefuse();
            return new SetReadingTarget(SchoolId.of(school), target, checkedMetric, checkedScope, checkedScopeId, checkedPeriod,
                    ReadingTargetSet.canonical(threshold));
        }
    }

    record TargetBody(String targetId, TargetMetric metric, TargetScope scope, @Nullable String scopeId, MetricPeriod period,
            BigDecimal threshold) {
    }

    private static List<PatronId> patrons(RequestCheck check, String field, List<String> ids) {
        if (ids.size() > 2000) {
            check.problem(field, "tooMany", 2000);
        }
        return ids.stream()
                .map(id -> check.matching(field, id, LocalId.FORMAT))
                .filter(id -> id != null)
                .distinct()
                .map(PatronId::of)
                .toList();
    }
}
