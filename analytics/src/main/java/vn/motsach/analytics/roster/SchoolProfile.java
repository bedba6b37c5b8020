package vn.motsach.analytics.roster;

import java.time.Instant;
import vn.motsach.analytics.calendar.SchoolCalendar;

/** What analytics knows of a school: its name, authority and calendar. */
public record SchoolProfile(String schoolId, String name, String authorityId, SchoolCalendar calendar, Instant updatedAt) {

    public SchoolProfile {
        calendar = calendar == null ? SchoolCalendar.empty() : calendar;
    }
}
