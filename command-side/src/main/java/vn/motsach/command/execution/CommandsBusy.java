package vn.motsach.command.execution;

/**
 * Too many commands waited their turn for longer than the executor's patience: the command was
 * not run, and trying again a moment later makes sense. The web edge answers it 503
 * {@code COMMANDS_BUSY}.
 */
public final class CommandsBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandsBusy() {
        super("COMMANDS_BUSY");
    }
}
