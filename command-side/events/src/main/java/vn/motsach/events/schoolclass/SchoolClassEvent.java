package vn.motsach.events.schoolclass;

import vn.motsach.events.SchoolEvent;

/** Events of a class (lớp) of a school year. */
public sealed interface SchoolClassEvent extends SchoolEvent permits ClassOpened, ClassDetailsChanged, ClassClosed {
}
