package vn.motsach.events;

/** Why a hold was cancelled: asked for (by the patron, at the desk), or because its patron left the school. */
public enum HoldCancelReason {
    REQUESTED,
    PATRON_LEFT
}
