package vn.motsach.command.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import vn.motsach.events.Refused;
import vn.motsach.infra.database.TransientFailures;

/**
 * Commands by type and outcome, with the time each took ({@code motsach.commands}): {@code accepted},
 * {@code refused} (a rule of the library said no), {@code busy} (not let in: too many at once; or the
 * database could not decide it for now, even when run again),
 * {@code failed} (anything else, a fault to look into). A repeat answered from its idempotency
 * key decides nothing again, and is counted apart ({@code replayed}).
 */
final class CommandMeters {

    static final String COMMANDS = "motsach.commands";

    private final MeterRegistry meters;

    CommandMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> T timed(Command<?> command, Supplier<T> work) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            T result = work.get();
            outcome = "accepted";
            return result;
        } catch (Refused e) {
            outcome = "refused";
            throw e;
        } catch (CommandsBusy e) {
            outcome = "busy";
            throw e;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                outcome = "busy";
            }
            throw e;
        } finally {
            sample.stop(Timer.builder(COMMANDS).description("Commands run, by type and outcome")
                    .tag("command", command.getClass().getSimpleName()).tag("outcome", outcome)
                    .register(meters));
        }
    }

    void replayed(Command<?> command) {
        Counter.builder(COMMANDS + ".replayed").description("Repeats answered from their idempotency key, by command type")
                .tag("command", command.getClass().getSimpleName()).register(meters).increment();
    }
}
