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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

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

    ReadingController(CommandResponses commands, SchoolRecords records, IdGenerator ids) {
        this.commands = commands;
        this.records = records;
        this.ids = ids;
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi phiên đọc",
            content = @Content(schema = @Schema(implementation = SessionBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PATRON_NOT_FOUND", "TITLE_NOT_FOUND"},
            conflict = {"PATRON_INACTIVE", "OUTSIDE_SCHOOL_YEAR"}, forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Ghi một phiên đọc của một bạn đọc (ở thư viện, góc lớp hoặc ở nhà)")
    @PostMapping("/api/v1/schools/{schoolId}/reading-sessions")
    ResponseEntity<SessionBody> recordSession(SessionRecording asked,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        RecordReadingSession command = asked.command().apply(new ReadingSessionId(ids.newId()));
        requireOwnStudents(command.schoolId(), List.of(command.patronId()), command.startedOn());
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST reading-sessions", asked.body()), command,
                sessionId -> ResponseEntity.status(HttpStatus.CREATED).body(new SessionBody(command.sessionId().toString())));
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi giờ đọc thư viện",
            content = @Content(schema = @Schema(implementation = PeriodBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND", "PATRON_NOT_FOUND"},
            conflict = {"OUTSIDE_SCHOOL_YEAR", "NOT_IN_CLASS", "CLASS_CLOSED"}, forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Ghi một giờ đọc thư viện của một lớp, với những học sinh có mặt")
    @PostMapping("/api/v1/schools/{schoolId}/library-periods")
    ResponseEntity<PeriodBody> holdPeriod(PeriodHolding asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        HoldLibraryPeriod command = asked.command().apply(new PeriodId(ids.newId()));
        CurrentCaller.requireClasses(List.of(command.classId().value()));
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST library-periods", asked.body()), command,
                periodId -> ResponseEntity.status(HttpStatus.CREATED).body(new PeriodBody(command.periodId().toString())));
    }

    @ApiResponse(responseCode = "201", description = "Đã lên lịch sự kiện đọc",
            content = @Content(schema = @Schema(implementation = ReadingEventBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"}, conflict = "OUTSIDE_SCHOOL_YEAR", forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Lên lịch một sự kiện đọc (ngày hội đọc, giới thiệu sách, lễ hội, cuộc thi) cho các lớp")
    @PostMapping("/api/v1/schools/{schoolId}/reading-events")
    ResponseEntity<ReadingEventBody> scheduleEvent(EventScheduling asked,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ScheduleReadingEvent command = asked.command().apply(new ReadingEventId(ids.newId()));
        CurrentCaller.requireClasses(command.classIds().stream().map(ClassId::value).toList());
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST reading-events", asked.body()), command,
                scheduled -> ResponseEntity.status(HttpStatus.CREATED).body(new ReadingEventBody(command.eventId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi người tham gia",
            content = @Content(schema = @Schema(implementation = ParticipationBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_EVENT_NOT_FOUND", "PATRON_NOT_FOUND"}, conflict = "NOT_IN_CLASS",
            forbidden = "NOT_YOUR_CLASS")
    @Operation(summary = "Ghi những bạn đọc tham gia một sự kiện đọc")
    @PostMapping("/api/v1/schools/{schoolId}/reading-events/{eventId}/participations")
    ResponseEntity<ParticipationBody> recordParticipation(Participating asked,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        RecordParticipation command = asked.command();
        requireOwnStudents(command.schoolId(), command.patronIds(), command.today());
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST participations " + asked.eventId(), asked.body()),
                command, added -> ResponseEntity.ok(new ParticipationBody(asked.eventId(), added)));
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo mục tiêu",
            content = @Content(schema = @Schema(implementation = TargetBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã cập nhật mục tiêu",
            content = @Content(schema = @Schema(implementation = TargetBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND"})
    @Operation(summary = "Đặt hoặc sửa một mục tiêu văn hoá đọc của trường, khối hoặc lớp")
    @PutMapping("/api/v1/schools/{schoolId}/reading-targets/{targetId}")
    ResponseEntity<TargetBody> setTarget(TargetSetting asked) {
        SetReadingTarget command = asked.command();
        return commands.respond(command,
                registration -> ResponseEntity.status(registration == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new TargetBody(command.targetId(), command.metric(), command.scope(), command.scopeId(), command.period(),
                                command.threshold())));
    }

    /** The target is no longer followed: analytics stops showing it; setting it again starts it afresh. */
    @ApiResponse(responseCode = "204", description = "Đã xoá mục tiêu")
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_TARGET_NOT_FOUND"})
    @Operation(summary = "Xóa một mục tiêu đọc (Remove a reading target)")
    @DeleteMapping("/api/v1/schools/{schoolId}/reading-targets/{targetId}")
    ResponseEntity<Void> removeTarget(TargetRemoval asked) {
        return commands.respond(new RemoveReadingTarget(SchoolId.of(asked.schoolId()), asked.targetId()),
                removed -> ResponseEntity.noContent().build());
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

    /** {@code POST .../reading-sessions}: the session as the body describes it, once the log gives it an id. */
    record SessionRecording(String schoolId, Function<ReadingSessionId, RecordReadingSession> command, SessionRequest body)
            implements CheckedRequest {

        SessionRecording(RequestValues in, SessionRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in), in.clock()), body);
        }
    }

    record PeriodHolding(String schoolId, Function<PeriodId, HoldLibraryPeriod> command, PeriodRequest body)
            implements CheckedRequest {

        PeriodHolding(RequestValues in, PeriodRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in), in.today()), body);
        }
    }

    record EventScheduling(String schoolId, Function<ReadingEventId, ScheduleReadingEvent> command, ReadingEventRequest body)
            implements CheckedRequest {

        EventScheduling(RequestValues in, ReadingEventRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in)), body);
        }
    }

    record Participating(String schoolId, String eventId, RecordParticipation command, ParticipationRequest body)
            implements CheckedRequest {

        Participating(RequestValues in, ParticipationRequest body) {
            this(in.value("schoolId"), in.value("eventId"),
                    body.toCommand(in.check(), PathIds.school(in), in.value("eventId"), in.today()), body);
        }
    }

    record TargetSetting(SetReadingTarget command) implements CheckedRequest {

        TargetSetting(RequestValues in, TargetRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "targetId")));
        }
    }

    record TargetRemoval(String schoolId, String targetId) implements CheckedRequest {

        TargetRemoval(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "targetId"));
        }
    }

    record SessionRequest(String patronId, @Schema(format = "uuid") @Nullable String titleId, OffsetDateTime startedAt,
            Integer minutes, @Schema(implementation = ReadingPlace.class) String place) {

        /** The session, given its id; {@code null} when a check failed. */
        Function<ReadingSessionId, RecordReadingSession> toCommand(RequestCheck check, String school, Clock clock) {
            String patron = check.matching("patronId", patronId, LocalId.FORMAT);
            TitleId title = check.converted("titleId", titleId, TitleId::parse);
            if (check.required("startedAt", startedAt) != null
                    && startedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                check.problem("startedAt", "inFuture");
            }
            if (check.required("minutes", minutes) != null && (minutes < 1 || minutes > MAX_SESSION_MINUTES)) {
                check.problem("minutes", "range", 1, MAX_SESSION_MINUTES);
            }
            ReadingPlace checkedPlace = check.oneOf("place", check.required("place", place), ReadingPlace.class);
            return check.ifPassed(() -> sessionId -> {
                Instant at = startedAt.toInstant();
                return new RecordReadingSession(SchoolId.of(school), sessionId, PatronId.of(patron), title, at,
                        LocalDate.ofInstant(at, clock.getZone()), minutes, checkedPlace);
            });
        }
    }

    record SessionBody(String sessionId) {
    }

    record PeriodRequest(String classId, LocalDate heldOn, @Schema(implementation = PeriodActivity.class) String activity,
            @Nullable List<String> attendeeIds, @Nullable String teacherId, @Nullable String note) {

        /** The period, given its id; {@code null} when a check failed. */
        Function<PeriodId, HoldLibraryPeriod> toCommand(RequestCheck check, String school, LocalDate today) {
            String checkedClass = check.matching("classId", classId, LocalId.FORMAT);
            if (check.required("heldOn", heldOn) != null && heldOn.isAfter(today)) {
                check.problem("heldOn", "inFuture");
            }
            PeriodActivity checkedActivity = check.oneOf("activity", check.required("activity", activity), PeriodActivity.class);
            List<PatronId> attendees = patrons(check, "attendeeIds", attendeeIds == null ? List.of() : attendeeIds);
            String teacher = check.optionalMatching("teacherId", teacherId, LocalId.FORMAT);
            String checkedNote = check.optionalText("note", note, 1000);
            return check.ifPassed(() -> periodId -> new HoldLibraryPeriod(SchoolId.of(school), periodId, ClassId.of(checkedClass),
                    heldOn, checkedActivity, attendees, teacher == null ? null : PatronId.of(teacher), checkedNote));
        }
    }

    record PeriodBody(String periodId) {
    }

    record ReadingEventRequest(String name, @Schema(implementation = ReadingEventKind.class) String kind, LocalDate startsOn,
            LocalDate endsOn, List<String> classIds) {

        /** The event, given its id; {@code null} when a check failed. */
        Function<ReadingEventId, ScheduleReadingEvent> toCommand(RequestCheck check, String school) {
            String checkedName = check.text("name", name, 200);
            ReadingEventKind checkedKind = check.oneOf("kind", check.required("kind", kind), ReadingEventKind.class);
            check.required("startsOn", startsOn);
            if (check.required("endsOn", endsOn) != null && startsOn != null && endsOn.isBefore(startsOn)) {
                check.problem("endsOn", "notAfter", "startsOn");
            }
            List<ClassId> classes = check.nonEmpty("classIds", classIds).stream()
                    .map(id -> check.matching("classIds", id, LocalId.FORMAT))
                    .filter(id -> id != null)
                    .map(ClassId::of)
                    .toList();
            return check.ifPassed(() -> eventId -> new ScheduleReadingEvent(SchoolId.of(school), eventId, checkedName, checkedKind,
                    startsOn, endsOn, classes));
        }
    }

    record ReadingEventBody(String eventId) {
    }

    record ParticipationRequest(List<String> patronIds) {

        /** The participation in the event the path names; {@code null} when a check failed. */
        RecordParticipation toCommand(RequestCheck check, String school, String eventId, LocalDate today) {
            ReadingEventId event = check.converted("eventId", eventId, ReadingEventId::parse);
            List<PatronId> patrons = patrons(check, "patronIds", check.nonEmpty("patronIds", patronIds));
            return check.ifPassed(() -> new RecordParticipation(SchoolId.of(school), event, patrons, today));
        }
    }

    record ParticipationBody(String eventId, int newParticipants) {
    }

    record TargetRequest(@Schema(implementation = TargetMetric.class) String metric,
            @Schema(implementation = TargetScope.class) String scope,
            @Schema(description = "Mã lớp (CLASS) hoặc khối 0..12 (GRADE); không có với SCHOOL") @Nullable String scopeId,
            @Schema(implementation = MetricPeriod.class) String period, BigDecimal threshold) {

        /** The target the path names, as described; {@code null} when a check failed. */
        SetReadingTarget toCommand(RequestCheck check, String school, String target) {
            TargetMetric checkedMetric = check.oneOf("metric", check.required("metric", metric), TargetMetric.class);
            TargetScope checkedScope = check.oneOf("scope", check.required("scope", scope), TargetScope.class);
            MetricPeriod checkedPeriod = check.oneOf("period", check.required("period", period), MetricPeriod.class);
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
            String scopeIdChecked = checkedScopeId;
            return check.ifPassed(() -> new SetReadingTarget(SchoolId.of(school), target, checkedMetric, checkedScope,
                    scopeIdChecked, checkedPeriod, ReadingTargetSet.canonical(threshold)));
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
