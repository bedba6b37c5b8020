package vn.motsach.command.patrons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.command.patrons.PatronCommands.MovePatronToClass;
import vn.motsach.command.patrons.PatronCommands.RecordDeparture;
import vn.motsach.command.patrons.PatronCommands.RegisterPatron;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;

class PatronTest {

    private static final SchoolId SCHOOL = SchoolId.of("th-a");
    private static final PatronId AN = PatronId.of("hs-an");
    private static final ClassId C5A4 = ClassId.of("5a4");
    private static final ClassId C5A5 = ClassId.of("5a5");
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 1);
    /** Closed yesterday. */
    private static final ClassId CLOSED = ClassId.of("5a9");
    /** When the registrations given below were recorded: 9 o'clock in Vietnam, the day before {@link #TODAY}. */
    private static final Instant REGISTERED_AT = Instant.parse("2026-09-30T02:00:00Z");
    /** A registration a few weeks before {@link #TODAY}, for moves dated some days back. */
    private static final Instant REGISTERED_WEEKS_AGO = Instant.parse("2026-09-07T02:00:00Z");

    private AggregateTestFixture<Patron> fixture;
    /** The patrons whose holds a departure cancelled. */
    private final List<PatronId> holdsCancelled = new ArrayList<>();
    private final DepartureHolds holds = (school, patron) -> holdsCancelled.add(patron);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Patron.class);
        ClassRegister classes = new ClassRegister() {
            @Override
            public boolean classExists(SchoolId school, ClassId classId) {
                return !classId.value().equals("9z9");
            }

            @Override
            public Optional<LocalDate> closedOn(SchoolId school, ClassId classId) {
                return classId.equals(CLOSED) ? Optional.of(TODAY.minusDays(1)) : Optional.empty();
            }
        };
        fixture.registerInjectableResource(classes);
        fixture.registerInjectableResource(holds);
    }

    @Test
    void canRegisterAStudentInAClass() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4, TODAY))
                .expectResultMessagePayload(SchoolRegistration.REGISTERED)
                .expectEvents(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4));
    }

    @Test
    void cannotJoinAClassTheSchoolDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, ClassId.of("9z9"), TODAY))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.CLASS_NOT_FOUND.name())
                .expectNoEvents();
    }

    @Test
    void aClosedClassTakesNoNewMemberFromItsClosingDay() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, CLOSED, TODAY))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.CLASS_CLOSED.name())
                .expectNoEvents();
    }

    @Test
    void noMoveIntoAClosedClassFromItsClosingDayButOneBefore() {
        fixture.givenCurrentTime(REGISTERED_WEEKS_AGO).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, CLOSED, TODAY.minusDays(1)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.CLASS_CLOSED.name())
                .expectNoEvents();
    }

    @Test
    void aMoveIntoAClassBeforeItClosedStands() {
        fixture.givenCurrentTime(REGISTERED_WEEKS_AGO).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, CLOSED, TODAY.minusDays(2)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNewClassOnRegistrationIsAMoveFromToday() {
        fixture.givenCurrentTime(REGISTERED_AT).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A5, TODAY))
                .expectResultMessagePayload(SchoolRegistration.CHANGED)
                .expectEvents(new PatronMovedToClass(SCHOOL, AN, C5A4, C5A5, TODAY));
    }

    @Test
    void aRenameIsADetailsChange() {
        fixture.givenCurrentTime(REGISTERED_AT).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyen Van An", PatronCategory.STUDENT, C5A4))
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4, TODAY))
                .expectEvents(new PatronDetailsChanged(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT));
    }

    @Test
    void aClassMoveFromADateKeepsTheOldClassBeforeIt() {
        fixture.givenCurrentTime(REGISTERED_AT).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, C5A5, TODAY))
                .expectResultMessagePayload(true)
                .expectEvents(new PatronMovedToClass(SCHOOL, AN, C5A4, C5A5, TODAY));
    }

    /** The class a move replaces is the one of its date; before the registration there was none. */
    @Test
    void aClassMoveCannotBeDatedBeforeTheRegistration() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, C5A5, TODAY.minusDays(2)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.CLASS_MOVE_BEFORE_REGISTRATION.name())
                .expectNoEvents();
    }

    @Test
    void aClassMoveOnTheDayOfTheRegistrationReplacesItsClass() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, C5A5, TODAY.minusDays(1)))
                .expectResultMessagePayload(true)
                .expectEvents(new PatronMovedToClass(SCHOOL, AN, C5A4, C5A5, TODAY.minusDays(1)));
    }

    @Test
    void aPatronWhoLeftIsWelcomedBackOnRegistration() {
        fixture.givenCurrentTime(REGISTERED_AT).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4),
                        new PatronLeft(SCHOOL, AN, DepartureReason.TRANSFERRED, TODAY.minusDays(30)))
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4, TODAY))
                .expectEvents(new PatronRejoined(SCHOOL, AN, TODAY));
    }

    @Test
    void leavingCancelsTheOpenHolds() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new RecordDeparture(SCHOOL, AN, DepartureReason.GRADUATED, TODAY))
                .expectResultMessagePayload(new Departed(true, DepartureReason.GRADUATED, TODAY))
                .expectEvents(new PatronLeft(SCHOOL, AN, DepartureReason.GRADUATED, TODAY));
        assertThat(holdsCancelled).containsExactly(AN);
    }

    @Test
    void leavingTwiceIsRecordedOnceAndAnswersTheFirstDeparture() {
        fixture.givenCurrentTime(REGISTERED_AT).andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4),
                        new PatronLeft(SCHOOL, AN, DepartureReason.GRADUATED, TODAY))
                .when(new RecordDeparture(SCHOOL, AN, DepartureReason.TRANSFERRED, TODAY.plusDays(3)))
                .expectResultMessagePayload(new Departed(false, DepartureReason.GRADUATED, TODAY))
                .expectNoEvents();
        assertThat(holdsCancelled).isEmpty();
    }

    @Test
    void aDepartureDatedBeforeTheRegistrationIsRefusedAndCancelsNoHold() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new RecordDeparture(SCHOOL, AN, DepartureReason.TRANSFERRED, TODAY.minusDays(2)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.DEPARTURE_BEFORE_REGISTRATION.name())
                .expectNoEvents();
        assertThat(holdsCancelled).isEmpty();
    }

    @Test
    void theRegistrationDayIsVietnamsDayNotUtcs() {
        // 18:00 UTC on 29/09 is 01:00 on 30/09 in Vietnam: the patron joined on the 30th, the 29th is before it
        fixture.givenCurrentTime(Instant.parse("2026-09-29T18:00:00Z"))
                .andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new RecordDeparture(SCHOOL, AN, DepartureReason.TRANSFERRED, LocalDate.of(2026, 9, 29)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.DEPARTURE_BEFORE_REGISTRATION.name())
                .expectNoEvents();
    }

    @Test
    void aPatronWhoCameBackCannotLeaveBeforeTheirReturn() {
        fixture.givenCurrentTime(REGISTERED_WEEKS_AGO)
                .andGiven(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4),
                        new PatronLeft(SCHOOL, AN, DepartureReason.TRANSFERRED, TODAY.minusDays(20)),
                        new PatronRejoined(SCHOOL, AN, TODAY.minusDays(5)))
                .when(new RecordDeparture(SCHOOL, AN, DepartureReason.TRANSFERRED, TODAY.minusDays(10)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.DEPARTURE_BEFORE_REGISTRATION.name())
                .expectNoEvents();
    }
}
