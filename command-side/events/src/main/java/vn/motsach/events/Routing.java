package vn.motsach.events;

/** Where a returned copy goes: back to the shelf, or to the hold shelf for the next patron waiting. */
public enum Routing {
    SHELF,
    HOLD_SHELF
}
