package vn.motsach.events.patron;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.motsach.events.ClassId;

/**
 * A patron's class over time: the one rule of "in a class on a date" that the command side,
 * the query side and analytics all apply. A membership holds from its effective date (the
 * registration's date, a class move's {@code effectiveOn}) until the next one begins; before
 * the first, the patron was in no class of the school, so a student registered today was in no
 * class yesterday. Two memberships from the same date: the one recorded later holds.
 *
 * @param memberships in order of their dates, at most one a date
 */
public record ClassHistory(List<Membership> memberships) {

    /** Vietnamese schools count their days in this zone, whatever the server's. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public ClassHistory {
        memberships = List.copyOf(memberships);
    }

    public static ClassHistory none() {
        return new ClassHistory(List.of());
    }

    /**
     * The date a registration's class holds from: {@link PatronRegistered} names no date, so it
     * is the school day on which the registration was recorded.
     */
    public static LocalDate registeredOn(Instant recordedAt) {
        return LocalDate.ofInstant(recordedAt, SCHOOL_ZONE);
    }

    /** In {@code classId} ({@code null}: in no class) from {@code day} on, until the next membership. */
    public ClassHistory from(LocalDate day, ClassId classId) {
        Objects.requireNonNull(day, "day");
        List<Membership> updated = new ArrayList<>(memberships.stream().filter(m -> !m.from().equals(day)).toList());
        updated.add(new Membership(day, classId));
        updated.sort(Comparator.comparing(Membership::from));
        return new ClassHistory(updated);
    }

    /** The class on {@code day}; empty before the first membership and while in no class. */
    public Optional<ClassId> classOn(LocalDate day) {
        ClassId found = null;
        for (Membership membership : memberships) {
            if (membership.from().isAfter(day)) {
                break;
            }
            found = membership.classId();
        }
        return Optional.ofNullable(found);
    }

    public boolean inClassOn(ClassId classId, LocalDate day) {
        return classOn(day).map(classId::equals).orElse(false);
    }

    /** The first day the patron was known to the school, in a class or not. */
    public Optional<LocalDate> startsOn() {
        return memberships.isEmpty() ? Optional.empty() : Optional.of(memberships.get(0).from());
    }

    /** Whether a membership of {@code classId} begins exactly on {@code day}. */
    public boolean joinsOn(LocalDate day, ClassId classId) {
        return memberships.stream().anyMatch(m -> m.from().equals(day) && Objects.equals(m.classId(), classId));
    }

    /** @param classId {@code null} for no class */
    public record Membership(LocalDate from, ClassId classId) {

        public Membership {
            Objects.requireNonNull(from, "from");
        }
    }
}
