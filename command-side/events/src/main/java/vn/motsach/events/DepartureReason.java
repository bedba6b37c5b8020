package vn.motsach.events;

/** Why a patron left the school: their history stays, they can no longer borrow. */
public enum DepartureReason {
    GRADUATED,
    TRANSFERRED,
    OTHER
}
