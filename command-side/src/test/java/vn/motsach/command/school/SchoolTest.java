package vn.motsach.command.school;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;

class SchoolTest {

    private static final SchoolId AN_VINH = SchoolId.of("thcs-an-vinh");
    private static final List<EducationLevel> THCS = List.of(EducationLevel.LOWER_SECONDARY);
    private static final AuthorityId DISTRICT = AuthorityId.of("phong-gddt-ly-son");
    private static final AuthorityId COMMUNE = AuthorityId.of("xa-ly-son");

    private AggregateTestFixture<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void canRegisterANewSchool() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(SchoolRegistration.REGISTERED)
                .expectEvents(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT));
    }

    @Test
    void canMoveASchoolToAnotherAuthority() {
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE))
                .expectResultMessagePayload(SchoolRegistration.CHANGED)
                .expectEvents(new SchoolDetailsChanged(AN_VINH, "THCS An Vĩnh", THCS, COMMUNE));
    }

    @Test
    void registeringTheSameDetailsAgainStoresNothing() {
        fixture.given(new SchoolRegistered(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .when(new RegisterSchool(AN_VINH, "THCS An Vĩnh", THCS, DISTRICT))
                .expectResultMessagePayload(SchoolRegistration.UNCHANGED)
                .expectNoEvents();
    }
}
