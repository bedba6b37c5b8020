package vn.motsach.events;

/** Whom a target is for: the whole school, one grade (scopeId "5"), or one class (scopeId = classId). */
public enum TargetScope {
    SCHOOL,
    GRADE,
    CLASS
}
