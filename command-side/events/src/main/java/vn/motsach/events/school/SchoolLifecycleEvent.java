package vn.motsach.events.school;

import vn.motsach.events.SchoolEvent;

/** Events of the school itself: its registration and later changes of its details. */
public sealed interface SchoolLifecycleEvent extends SchoolEvent
        permits SchoolRegistered, SchoolDetailsChanged, SchoolSupervisionChanged, SchoolYearScheduled,
        LoanPolicySet {
}
