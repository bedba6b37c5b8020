package vn.motsach.events.holds;

import vn.motsach.events.HoldId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.TitleId;

/** Events of a title's hold queue and its hold shelf. */
public sealed interface HoldEvent extends SchoolEvent
        permits HoldPlaced, HoldCancelled, HoldReadyForPickup, HoldFulfilled, HoldExpired {

    HoldId holdId();

    TitleId titleId();

    PatronId patronId();
}
