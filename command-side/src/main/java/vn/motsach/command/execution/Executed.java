package vn.motsach.command.execution;

/** A command's result and the global position of the last event it stored. */
public record Executed(Object result, long position) {
}
