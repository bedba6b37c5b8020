package vn.motsach.events.reading;

import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;

/** A patron who took part in a reading event, with their class and category on its first day. */
public record Participant(PatronId patronId, PatronCategory category, ClassId classId) {
}
