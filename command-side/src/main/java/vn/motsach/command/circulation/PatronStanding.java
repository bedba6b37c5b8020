package vn.motsach.command.circulation;

import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;

/** A patron as a checkout sees them: category, whether active, class today, loans open and overdue. */
record PatronStanding(PatronId patronId, PatronCategory category, boolean active, ClassId classId, int openLoans,
        int overdueLoans) {
}
