package vn.motsach.events;

/** Học sinh, giáo viên, nhân viên: each has its own loan policy. */
public enum PatronCategory {
    STUDENT,
    TEACHER,
    STAFF
}
