package vn.motsach.command.patrons;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.command.lookup.ClassRegister;
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

    private AggregateTestFixture<Patron> fixture;

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
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, CLOSED, TODAY.minusDays(1)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.CLASS_CLOSED.name())
                .expectNoEvents();
    }

    @Test
    void aMoveIntoAClassBeforeItClosedStands() {
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, CLOSED, TODAY.minusDays(2)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNewClassOnRegistrationIsAMoveFromToday() {
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A5, TODAY))
                .expectResultMessagePayload(SchoolRegistration.CHANGED)
                .expectEvents(new PatronMovedToClass(SCHOOL, AN, C5A4, C5A5, TODAY));
    }

    @Test
    void aRenameIsADetailsChange() {
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyen Van An", PatronCategory.STUDENT, C5A4))
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4, TODAY))
                .expectEvents(new PatronDetailsChanged(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT));
    }

    @Test
    void aClassMoveFromADateKeepsTheOldClassBeforeIt() {
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4))
                .when(new MovePatronToClass(SCHOOL, AN, C5A5, TODAY))
                .expectResultMessagePayload(true)
                .expectEvents(new PatronMovedToClass(SCHOOL, AN, C5A4, C5A5, TODAY));
    }

    @Test
    void aPatronWhoLeftIsWelcomedBackOnRegistration() {
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4),
                        new PatronLeft(SCHOOL, AN, DepartureReason.TRANSFERRED, TODAY.minusDays(30)))
                .when(new RegisterPatron(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4, TODAY))
                .expectEvents(new PatronRejoined(SCHOOL, AN, TODAY));
    }

    @Test
    void leavingTwiceIsRecordedOnce() {
        fixture.given(new PatronRegistered(SCHOOL, AN, "Nguyễn Văn An", PatronCategory.STUDENT, C5A4),
                        new PatronLeft(SCHOOL, AN, DepartureReason.GRADUATED, TODAY))
                .when(new RecordDeparture(SCHOOL, AN, DepartureReason.GRADUATED, TODAY))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }
}
