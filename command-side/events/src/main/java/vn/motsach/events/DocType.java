package vn.motsach.events;

/** Kinds of document a school library holds (sách giáo khoa, tham khảo, nghiệp vụ, thiếu nhi, …). */
public enum DocType {
    TEXTBOOK,
    REFERENCE,
    TEACHER_PROFESSIONAL,
    CHILDREN,
    GENERAL,
    PERIODICAL,
    DIGITAL
}
