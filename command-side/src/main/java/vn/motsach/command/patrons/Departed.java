package vn.motsach.command.patrons;

import java.time.LocalDate;
import vn.motsach.events.DepartureReason;

/**
 * The departure a patron has after a departure is asked for: the one just recorded, or (when they
 * had left already) the one recorded before, which a second departure does not change.
 */
public record Departed(boolean recorded, DepartureReason reason, LocalDate leftOn) {
}
