package vn.motsach.command.execution;

import java.time.Duration;

/**
 * The requests' commands being decided at this moment, which background work sending commands
 * by the thousand (an import) gives way to. The server's cores are few: a record of an import
 * decided while a desk's checkout is decided takes a core the checkout would have had, and so
 * does the database session storing the record, so the desk waits for a core it would otherwise
 * have had at once. {@link Admissions} counts every command it lets in.
 */
public final class CommandsInProgress {

    private int deciding;

    synchronized void started() {
        deciding++;
    }

    synchronized void ended() {
        deciding--;
        if (deciding == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no request's command is being decided, at most {@code atMost}: background work
     * goes on after that whatever the desks do, so that it always progresses.
     */
    public synchronized void giveWay(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            for (long left = atMost.toNanos(); deciding > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
