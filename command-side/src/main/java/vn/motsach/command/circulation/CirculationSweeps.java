package vn.motsach.command.circulation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CirculationCommands.CancelHoldsOfLeaver;
import vn.motsach.command.circulation.CirculationCommands.ExpireHold;
import vn.motsach.command.circulation.CirculationCommands.MarkLoanOverdue;
import vn.motsach.command.execution.ActorProvider;
import vn.motsach.command.execution.CommandExecutor;
import vn.motsach.command.execution.IdempotencyStore;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.Refused;

/**
 * The time-driven rules: loans past their due date become overdue, holds nobody collected
 * expire, a departure recorded ahead cancels on its day the holds placed meanwhile. What is due
 * is read from the lookup tables, not from in-memory timers, so a restart
 * (or a crash) in between changes nothing: the first sweep after it catches up. Several
 * instances may sweep at once; the aggregates ignore what was already done.
 */
@Component
class CirculationSweeps {

    private static final Logger log = LoggerFactory.getLogger(CirculationSweeps.class);
    private static final int BATCH = 500;
    /** The contract promises 7 days; one more keeps a retry at the edge safe. */
    private static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofDays(8);

    private final CirculationLookups lookups;
    private final CommandExecutor commands;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    CirculationSweeps(CirculationLookups lookups, CommandExecutor commands, IdempotencyStore idempotency, Clock clock) {
        this.lookups = lookups;
        this.commands = commands;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "${motsach.circulation.sweep-interval:60s}",
            initialDelayString = "${motsach.circulation.sweep-interval:60s}")
    void sweep() {
        LocalDate today = LocalDate.now(clock);
        int overdue = markOverdueLoans(today);
        int expired = expireUncollectedHolds(today);
        int leavers = cancelHoldsOfLeavers(today);
        int forgotten = idempotency.forgetOlderThan(KEEP_IDEMPOTENCY_KEYS);
        if (overdue + expired + leavers + forgotten > 0) {
            log.info("Sweep of {}: {} loans became overdue, {} holds expired, {} leavers' holds cancelled, "
                    + "{} idempotency keys forgotten", today, overdue, expired, leavers, forgotten);
        }
    }

    /** A departure recorded ahead takes effect on its day: the holds placed while it was ahead are cancelled then. */
    int cancelHoldsOfLeavers(LocalDate today) {
        int count = 0;
        for (var leaver : lookups.leaversWithOpenHolds(today)) {
            run(new CancelHoldsOfLeaver(leaver.schoolId(), leaver.patronId(), today));
            count++;
        }
        return count;
    }

    int markOverdueLoans(LocalDate today) {
        int count = 0;
        for (var loan : lookups.loansDueBefore(today, BATCH)) {
            run(new MarkLoanOverdue(loan.schoolId(), loan.barcode(), loan.loanId(), today, loan.owner()));
            count++;
        }
        return count;
    }

    int expireUncollectedHolds(LocalDate today) {
        int count = 0;
        for (var hold : lookups.holdsUncollectedBefore(today, BATCH)) {
            run(new ExpireHold(hold.schoolId(), hold.titleId(), hold.holdId(), today, clock.instant()));
            count++;
        }
        return count;
    }

    private void run(SchoolCommand<Void> command) {
        try {
            commands.send(command, ActorProvider.SYSTEM);
        } catch (Refused e) {
            log.warn("Sweep command {} refused: {}", command, e.code());
        }
    }
}
