package vn.motsach.infra.security;

/** The rule of a teacher's class scope, in one place. */
final class ClassScope {

    private ClassScope() {
    }

    /** Teachers are limited to their classes unless another role of theirs reaches the whole school. */
    static boolean limitedToOwnClasses(Caller caller) {
        return caller.is(Role.TEACHER) && !caller.is(Role.SCHOOL_ADMIN) && !caller.is(Role.LIBRARIAN) && !caller.isSystemAdmin();
    }

    static boolean allows(Caller caller, String classId) {
        return !limitedToOwnClasses(caller) || caller.classIds().contains(classId);
    }
}
