package vn.motsach.events;

/** Where a reading session happened: in the library, in a class book corner, or at home (self-reported). */
public enum ReadingPlace {
    LIBRARY,
    CLASS_CORNER,
    HOME
}
