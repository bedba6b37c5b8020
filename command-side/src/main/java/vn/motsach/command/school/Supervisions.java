package vn.motsach.command.school;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.school.Supervision;

/** A school's authorities by school year, oldest stretch first (see {@link Supervision}). */
record Supervisions(List<Supervision> stretches) {

    static final Supervisions NONE = new Supervisions(List.of());

    Supervisions {
        stretches = List.copyOf(stretches);
    }

    /** These stretches, or, when none was recorded yet, {@code authority} in every year. */
    Supervisions orSince(AuthorityId authority) {
        return stretches.isEmpty() ? new Supervisions(List.of(new Supervision(null, authority))) : this;
    }

    /**
     * The school reports to {@code authority} from {@code year} on: the stretches that began
     * before that year stay as they were, those from it on give way, and a stretch that only
     * continues the one before it is no stretch of its own.
     */
    Supervisions from(SchoolYear year, AuthorityId authority) {
        List<Supervision> kept = new ArrayList<>();
        for (Supervision stretch : stretches) {
            if (stretch.fromSchoolYear() == null || stretch.fromSchoolYear().value().compareTo(year.value()) < 0) {
                kept.add(stretch);
            }
        }
        if (kept.isEmpty()) {
            kept.add(new Supervision(null, authority));
        } else if (!Objects.equals(kept.get(kept.size() - 1).authorityId(), authority)) {
            kept.add(new Supervision(year, authority));
        }
        return new Supervisions(kept);
    }
}
