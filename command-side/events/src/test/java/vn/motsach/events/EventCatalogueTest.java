package vn.motsach.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.motsach.events.school.SchoolRegistered;

class EventCatalogueTest {

    @Test
    void everyEventHasARevisionAndIsARecord() {
        assertThat(EventCatalogue.all()).isNotEmpty();
        EventCatalogue.all().forEach((name, type) -> {
            assertThat(EventCatalogue.revisionOf(type)).as(name).isNotBlank();
            assertThat(type.isRecord()).as(name).isTrue();
        });
    }

    @Test
    void findsEventsByTheirStableName() {
        assertThat(EventCatalogue.typeNamed("SchoolRegistered")).contains(SchoolRegistered.class);
        assertThat(EventCatalogue.typeNamed("NoSuchEvent")).isEmpty();
    }

    @Test
    void schoolIdsFollowTheContractFormat() {
        assertThat(SchoolId.isValid("thcs-an-vinh")).isTrue();
        assertThat(SchoolId.isValid("THCS")).isFalse();
        assertThat(SchoolId.isValid("-leading-dash")).isFalse();
        assertThat(SchoolId.isValid("a")).isFalse();
        assertThatThrownBy(() -> SchoolId.of("Bad_Id")).isInstanceOf(IllegalArgumentException.class);
    }
}
