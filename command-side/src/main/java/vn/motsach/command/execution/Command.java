package vn.motsach.command.execution;

/**
 * A command the {@link CommandExecutor} runs, answered by its handler with a {@code R}. Nearly
 * every command is a {@link SchoolCommand}; the few that belong to no school (the tree of
 * supervising authorities) are commands of this type only.
 *
 * @param <R> what the command's handler returns
 */
public interface Command<R> {
}
