package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;

class EventHandlersTest {

    final List<String> handled = new ArrayList<>();
    final EventHandlers handlers = new EventHandlers()
            .on(SchoolRegistered.class, (registered, envelope) -> handled.add(registered.name() + "@" + envelope.eventId()));

    @Test
    void anEventGoesToTheHandlerOfItsType() {
        handlers.handle(published("e-1", new SchoolRegistered(SchoolId.of("th-a"), "TH A", List.of(EducationLevel.PRIMARY), null)));

        assertThat(handled).containsExactly("TH A@e-1");
    }

    @Test
    void anEventNoHandlerNamesIsIgnored() {
        handlers.handle(published("e-2", new SchoolDetailsChanged(SchoolId.of("th-a"), "TH B", List.of(EducationLevel.PRIMARY), null)));

        assertThat(handled).isEmpty();
    }

    @Test
    void aTypeHasOneHandler() {
        assertThatThrownBy(() -> handlers.on(SchoolRegistered.class, (registered, envelope) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static PublishedEvent published(String eventId, SchoolEvent payload) {
        return new PublishedEvent(eventId, payload.getClass().getSimpleName(), "1", payload.schoolId(),
                Instant.parse("2026-03-02T02:00:00Z"), 1, "thu-thu", payload);
    }
}
