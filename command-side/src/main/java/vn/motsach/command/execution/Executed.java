package vn.motsach.command.execution;

/** A command's result, as its handler returned it, and the global position of the last event it stored. */
public record Executed<R>(R result, long position) {
}
