package vn.motsach.events.school;

import vn.motsach.events.PatronCategory;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A school's loan policy for one patron category: how long, how many, how many renewals, and how many open days a hold waits on the hold shelf. */
@Revision("1")
public record LoanPolicySet(
        SchoolId schoolId,
        PatronCategory category,
        int loanDays,
        int maxLoans,
        int maxRenewals,
        int holdPickupDays)
        implements SchoolLifecycleEvent {
}
