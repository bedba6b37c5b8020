package vn.motsach.events.circulation;

import vn.motsach.events.Barcode;
import vn.motsach.events.LoanId;
import vn.motsach.events.SchoolEvent;

/**
 * Events of loans. Each carries the patron's category and class at the time, so that a loan
 * made in 6A1 stays a 6A1 loan after the student moves to 7A1.
 */
public sealed interface CirculationEvent extends SchoolEvent
        permits CopyCheckedOut, CopyReturned, LoanRenewed, LoanBecameOverdue {

    LoanId loanId();

    Barcode barcode();
}
