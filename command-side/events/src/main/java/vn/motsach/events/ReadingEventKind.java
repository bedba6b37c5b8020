package vn.motsach.events;

/** Ngày Sách và Văn hóa đọc (21/4), giới thiệu sách, ngày hội đọc sách, cuộc thi. */
public enum ReadingEventKind {
    READING_DAY,
    BOOK_TALK,
    FESTIVAL,
    CONTEST
}
