package vn.motsach.command.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.events.school.Supervision;

class SchoolTest {

    private static final SchoolId AN_VINH = SchoolId.of("thcs-an-vinh");
    private static final List<EducationLevel> THCS = List.of(EducationLevel.LOWER_SECONDARY);
    private static final AuthorityId DISTRICT = AuthorityId.of("phong-gddt-ly-son");
    private static final AuthorityId COMMUNE = AuthorityId.of("xa-ly-son");
    private static final AuthorityId PROVINCE = AuthorityId.of("so-gddt-quang-ngai");
    private static final SchoolYear Y2024 = SchoolYear.of("2024-2025");
    private static final SchoolYear Y2025 = SchoolYear.of("2025-2026");
    private static final SchoolYear Y2026 = SchoolYear.of("2026-2027");

    private AggregateTestFixture<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void canRegisterANewSchool() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT, Y2024))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(SchoolRegistration.REGISTERED)
                .expectEvents(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT));
    }

    @Test
    void aSchoolMovedToAnotherAuthorityKeepsItsOldOneForTheYearsBefore() {
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE, Y2025))
                .expectResultMessagePayload(SchoolRegistration.CHANGED)
                .expectEvents(new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE),
                        new SchoolSupervisionChanged(AN_VINH, List.of(new Supervision(null, DISTRICT), new Supervision(Y2025, COMMUNE))));
    }

    @Test
    void aMoveFromAnEarlierYearReplacesTheStretchesFromThatYearOn() {
        SchoolSupervisionChanged moved = new SchoolSupervisionChanged(AN_VINH,
                List.of(new Supervision(null, DISTRICT), new Supervision(Y2025, COMMUNE)));
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT),
                        new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE), moved)
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, PROVINCE, Y2024))
                .expectEvents(new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, PROVINCE),
                        new SchoolSupervisionChanged(AN_VINH, List.of(new Supervision(null, DISTRICT), new Supervision(Y2024, PROVINCE))));
        // the same authority named again for a later year changes nothing
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT),
                        new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE), moved)
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE, Y2026))
                .expectResultMessagePayload(SchoolRegistration.UNCHANGED)
                .expectNoEvents();
        // moving back from the year of the move undoes it
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT),
                        new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE), moved)
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT, Y2025))
                .expectEvents(new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT),
                        new SchoolSupervisionChanged(AN_VINH, List.of(new Supervision(null, DISTRICT))));
    }

    @Test
    void aMovedSchoolsNewNameKeepsItsEarlierYearsWithTheirAuthority() {
        SchoolSupervisionChanged moved = new SchoolSupervisionChanged(AN_VINH,
                List.of(new Supervision(null, DISTRICT), new Supervision(Y2025, COMMUNE)));
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT),
                        new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE), moved)
                .when(new RegisterSchool(AN_VINH, "THCS xã An Vĩnh", THCS, COMMUNE, Y2026))
                .expectResultMessagePayload(SchoolRegistration.CHANGED)
                .expectEvents(new SchoolDetailsChanged(AN_VINH, "THCS xã An Vĩnh", THCS, COMMUNE), moved);
    }

    @Test
    void theAuthorityOfAYearIsTheStretchBegunByThenOrTheFirstOne() {
        SchoolSupervisionChanged moved = new SchoolSupervisionChanged(AN_VINH,
                List.of(new Supervision(null, DISTRICT), new Supervision(Y2025, COMMUNE)));
        assertThat(moved.authorityIn(Y2024)).isEqualTo(DISTRICT);
        assertThat(moved.authorityIn(Y2025)).isEqualTo(COMMUNE);
        assertThat(moved.authorityIn(Y2026)).isEqualTo(COMMUNE);
    }

    @Test
    void aSchoolYearIsScheduledThenRescheduledAndOnlyWhenItChanges() {
        SchoolYear year = SchoolYear.of("2026-2027");
        List<Semester> semesters = List.of(new Semester(1, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 1, 17)),
                new Semester(2, LocalDate.of(2027, 1, 18), LocalDate.of(2027, 5, 31)));
        SchoolYearScheduled scheduled = new SchoolYearScheduled(AN_VINH, year, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 5, 31),
                semesters, List.of(LocalDate.of(2027, 2, 8)));
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .when(new ScheduleSchoolYear(AN_VINH, year, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 5, 31), semesters,
                        List.of(LocalDate.of(2027, 2, 8))))
                .expectResultMessagePayload(SchoolRegistration.REGISTERED)
                .expectEvents(scheduled);
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT), scheduled)
                .when(new ScheduleSchoolYear(AN_VINH, year, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 5, 31), semesters,
                        List.of(LocalDate.of(2027, 2, 8))))
                .expectResultMessagePayload(SchoolRegistration.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aLoanPolicyIsRecordedWhenItDiffers() {
        LoanPolicy weekly = new LoanPolicy(7, 3, 1, 2);
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT),
                        new LoanPolicySet(AN_VINH, PatronCategory.STUDENT, 7, 3, 1, 2))
                .when(new SetLoanPolicy(AN_VINH, PatronCategory.STUDENT, weekly))
                .expectNoEvents();
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .when(new SetLoanPolicy(AN_VINH, PatronCategory.TEACHER, weekly))
                .expectEvents(new LoanPolicySet(AN_VINH, PatronCategory.TEACHER, 7, 3, 1, 2));
    }

    @Test
    void nothingIsSetUpForASchoolThatIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(new SetLoanPolicy(AN_VINH, PatronCategory.STUDENT, new LoanPolicy(7, 3, 1, 2)))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.SCHOOL_NOT_FOUND.name())
                .expectNoEvents();
    }

    @Test
    void registeringTheSameDetailsAgainStoresNothing() {
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT, Y2026))
                .expectResultMessagePayload(SchoolRegistration.UNCHANGED)
                .expectNoEvents();
    }
}
