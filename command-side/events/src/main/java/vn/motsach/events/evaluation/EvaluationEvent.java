package vn.motsach.events.evaluation;

import vn.motsach.events.SchoolEvent;

/** Events of a school's Circular 16/2022 evaluation: what the school declares that software cannot count. */
public sealed interface EvaluationEvent extends SchoolEvent permits LibraryProfileDeclared {
}
