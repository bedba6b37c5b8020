package vn.motsach.events.desk;

/** What a desk recorded without the server: a lend, a return or a renewal. */
public enum DeskRecordKind {
    CHECKOUT,
    CHECKIN,
    RENEWAL
}
