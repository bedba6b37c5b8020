package vn.motsach.events.desk;

import vn.motsach.events.SchoolEvent;

/**
 * Events of the offline desk's exceptions: a record made without the server that broke a rule
 * the desk would have refused online (the book was handed over all the same), and its settling.
 */
public sealed interface DeskEvent extends SchoolEvent permits DeskExceptionRecorded, DeskExceptionSettled {

    DeskExceptionId exceptionId();
}
