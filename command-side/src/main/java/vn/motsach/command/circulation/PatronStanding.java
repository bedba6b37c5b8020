package vn.motsach.command.circulation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;

/**
 * A patron as a checkout sees them: category, whether at the school today, class today, loans open
 * and overdue, and the day they leave when a departure is still ahead.
 */
record PatronStanding(PatronId patronId, PatronCategory category, boolean active, ClassId classId, int openLoans,
        int overdueLoans, @Nullable LocalDate leavesOn) {
}
