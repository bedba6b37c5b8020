package vn.motsach.events;

/** Where an intake's books came from (nguồn bổ sung): bought, given, transferred from another library, or else. */
public enum AcquisitionSource {
    PURCHASE,
    DONATION,
    TRANSFER,
    OTHER
}
