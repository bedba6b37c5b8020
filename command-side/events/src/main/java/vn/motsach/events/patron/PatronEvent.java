package vn.motsach.events.patron;

import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolEvent;

/** Events of a patron (bạn đọc): registration, details, class moves, departure. */
public sealed interface PatronEvent extends SchoolEvent
        permits PatronRegistered, PatronDetailsChanged, PatronMovedToClass, PatronLeft, PatronRejoined {

    PatronId patronId();
}
