package vn.motsach.events;

/** What a library period was spent on. */
public enum PeriodActivity {
    FREE_READING,
    BOOK_TALK,
    STORYTELLING,
    RESEARCH,
    OTHER
}
