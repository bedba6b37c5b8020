package vn.motsach.command.imports.rollover;

/** A step of a rollover, with the plan it belongs to. */
record RolloverStep(RolloverPlan plan, RolloverPlan.Step step) {
}
