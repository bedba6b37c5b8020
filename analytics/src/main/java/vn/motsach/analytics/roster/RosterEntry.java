package vn.motsach.analytics.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.patron.ClassHistory;

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
                .anyMatch(m -> classId.equals(m.classId()) && period.overlaps(m.from(), m.to()));
    }

    /** Whether the patron was a student of the school, in any class or none, on some day of the period. */
    public boolean enrolledIn(Period period) {
        return isStudent() && memberships.stream().anyMatch(m -> period.overlaps(m.from(), m.to()));
    }

    public RosterEntry withCategory(PatronCategory category) {
        return new RosterEntry(patronId, category, memberships, active);
    }

    /**
     * In {@code classId} (none for {@code null}) from {@code day} until the next class begins, as
     * {@link ClassHistory} says on every side: a move recorded late slots into its place and
     * leaves later moves standing. The days the patron was away from the school stay away.
     */
    public RosterEntry movedTo(String classId, LocalDate day) {
        ClassHistory classes = classHistory().from(day, classId == null ? null : ClassId.of(classId));
        return new RosterEntry(patronId, category, memberships(classes, away()), active);
    }

    /** Left the school on {@code day}, the last day they count. */
    public RosterEntry leftOn(LocalDate day) {
        List<Membership> away = new ArrayList<>(away());
        away.add(new Membership(null, day.plusDays(1), null));
        return new RosterEntry(patronId, category, memberships(classHistory(), away), false);
    }

    /** Back at the school from {@code day}, in the class their history says. */
    public RosterEntry rejoinedOn(LocalDate day) {
        List<Membership> away = new ArrayList<>();
        for (Membership gone : away()) {
            if (gone.from().isBefore(day) && (gone.to() == null || !gone.to().isBefore(day))) {
                away.add(new Membership(null, gone.from(), day.minusDays(1)));
            } else if (gone.from().isAfter(day) || gone.to() != null && gone.to().isBefore(day)) {
                away.add(gone);
            }
        }
        return new RosterEntry(patronId, category, memberships(classHistory(), away), true);
    }

    /**
     * The classes over time, read back from the memberships. A membership that resumes the same
     * class after days away is the return, not a class move, and is left out: a move dated in
     * those days, recorded later, holds on after the return as it does on the other sides.
     */
    private ClassHistory classHistory() {
        ClassHistory classes = ClassHistory.none();
        Membership previous = null;
        for (Membership m : memberships) {
            ClassId classId = m.classId() == null ? null : ClassId.of(m.classId());
            boolean resumed = previous != null && previous.to() != null && m.from().isAfter(previous.to().plusDays(1))
                    && Objects.equals(classes.classOn(m.from()).orElse(null), classId);
            if (!resumed) {
                classes = classes.from(m.from(), classId);
            }
            previous = m;
        }
        return classes;
    }

    /** The days between memberships, and after the last one when it ended: the patron had left. */
    private List<Membership> away() {
        List<Membership> away = new ArrayList<>();
        for (int i = 0; i < memberships.size(); i++) {
            Membership m = memberships.get(i);
            LocalDate next = i + 1 < memberships.size() ? memberships.get(i + 1).from() : null;
            if (m.to() != null && (next == null || next.isAfter(m.to().plusDays(1)))) {
                away.add(new Membership(null, m.to().plusDays(1), next == null ? null : next.minusDays(1)));
            }
        }
        return away;
    }

    /** Each class from its date to the day before the next, less the days away. */
    private static List<Membership> memberships(ClassHistory classes, List<Membership> away) {
        List<Membership> result = new ArrayList<>();
        List<ClassHistory.Membership> changes = classes.memberships();
        for (int i = 0; i < changes.size(); i++) {
            ClassId classId = changes.get(i).classId();
            LocalDate from = changes.get(i).from();
            LocalDate to = i + 1 < changes.size() ? changes.get(i + 1).from().minusDays(1) : null;
            for (Membership gone : away.stream().sorted(Comparator.comparing(Membership::from)).toList()) {
                if (from == null || to != null && gone.from().isAfter(to) || gone.to() != null && gone.to().isBefore(from)) {
                    continue;
                }
                if (gone.from().isAfter(from)) {
                    result.add(new Membership(classId == null ? null : classId.value(), from, gone.from().minusDays(1)));
                }
                from = gone.to() == null || to != null && !gone.to().isBefore(to) ? null : gone.to().plusDays(1);
            }
            if (from != null) {
                result.add(new Membership(classId == null ? null : classId.value(), from, to));
            }
        }
        return result;
    }

    /**
     * @param classId {@code null} for a patron without a class
     * @param to the last day, inclusive; {@code null} while still in the class
     */
    public record Membership(String classId, LocalDate from, LocalDate to) {
    }
}
