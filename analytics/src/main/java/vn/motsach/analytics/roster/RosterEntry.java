package vn.motsach.analytics.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.events.PatronCategory;

/**
 * A patron with the history of their class membership, so that enrolment can be counted as
 * the roster was in any period: a student who moved from 6A1 to 6A2 mid-semester is enrolled
 * in both for that semester, and only in 6A2 the week after. No name: see {@link PatronNames}.
 */
public record RosterEntry(String patronId, PatronCategory category, List<Membership> memberships,
        boolean active) {

    public RosterEntry {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }

    public boolean isStudent() {
        return category == PatronCategory.STUDENT;
    }

    /** Whether the patron was a student of the class on some day of the period. */
    public boolean enrolledIn(String classId, Period period) {
        return isStudent() && memberships.stream()
                .anyMatch(m -> m.classId().equals(classId) && period.overlaps(m.from(), m.to()));
    }

    /** Whether the patron was a student of the school, in any class or none, on some day of the period. */
    public boolean enrolledIn(Period period) {
        return isStudent() && memberships.stream().anyMatch(m -> period.overlaps(m.from(), m.to()));
    }

    public RosterEntry withCategory(PatronCategory category) {
        return new RosterEntry(patronId, category, memberships, active);
    }

    /** In {@code classId} (none for {@code null}) from {@code day} on; the open membership ends the day before. */
    public RosterEntry movedTo(String classId, LocalDate day) {
        List<Membership> updated = new ArrayList<>(closedBefore(day));
        updated.add(new Membership(classId, day, null));
        return new RosterEntry(patronId, category, updated, true);
    }

    /** Left the school on {@code day}, the last day they count. */
    public RosterEntry leftOn(LocalDate day) {
        return new RosterEntry(patronId, category, closedBefore(day.plusDays(1)), false);
    }

    public String lastClassId() {
        return memberships.isEmpty() ? null : memberships.get(memberships.size() - 1).classId();
    }

    private List<Membership> closedBefore(LocalDate day) {
        List<Membership> closed = new ArrayList<>();
        for (Membership m : memberships) {
            if (!m.from().isBefore(day)) {
                continue; // a move dated before this membership began replaces it
            }
            LocalDate end = m.to() == null || !m.to().isBefore(day) ? day.minusDays(1) : m.to();
            closed.add(new Membership(m.classId(), m.from(), end));
        }
        return closed;
    }

    /**
     * @param classId {@code null} for a patron without a class
     * @param to the last day, inclusive; {@code null} while still in the class
     */
    public record Membership(String classId, LocalDate from, LocalDate to) {
    }
}
