package vn.motsach.command.execution;

import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;

/**
 * Runs a command in one PostgreSQL transaction together with everything that must commit with
 * it: its events, and the answer kept under its idempotency key (a refused command keeps
 * nothing but, under a key, its refusal). Reports the command's typed result and the position
 * of the last event stored, for read-your-writes. A command whose transaction was rolled back
 * for another's sake (a lost race for an aggregate's next sequence number, a deadlock, a lock
 * timeout) is run again from scratch by {@link TransactionRetries}, so it decides on the state
 * the winner left. How the answers are worded is the web edge's business, not this class's.
 */
public final class CommandExecutor {

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;
    private final EventPositions positions;
    private final IdempotencyStore idempotency;
    private final ActorProvider actors;
    private final RegisteredSchools schools;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final Admissions admissions;
    private final CommandMeters meters;

    CommandExecutor(CommandGateway gateway, TransactionTemplate transactions, EventPositions positions,
            IdempotencyStore idempotency, ActorProvider actors, RegisteredSchools schools, Admissions admissions,
            CommandMeters meters) {
        this.admissions = admissions;
        this.meters = meters;
        this.gateway = gateway;
        this.transactions = transactions;
        this.positions = positions;
        this.idempotency = idempotency;
        this.actors = actors;
        this.schools = schools;
    }

    /** Runs the command; a refusal propagates as thrown by the aggregate and stores nothing. */
    public <R> Executed<R> send(Command<R> command) {
        return send(command, actors.currentActor());
    }

    /** Runs a command on behalf of {@code actor}: time-driven rules act as {@link ActorProvider#SYSTEM}. */
    public <R> Executed<R> send(Command<R> command, String actor) {
        return meters.timed(command,
                () -> admissions.admit(() -> TransactionRetries.retrying(
                        () -> transactions.execute(status -> sendInTransaction(command, actor)))));
    }

    /**
     * Runs the command under an idempotency key of the current actor in {@code schoolId}: a repeat
     * gets the first answer again, as {@link FirstAnswers#again} words it. The key is claimed
     * before the command is decided, so a repeat sent while the first attempt still runs (its
     * answer lost, the desk retrying) waits for that attempt and gets its answer. A refusal is a
     * first answer too: kept under the key, and given again even once the state has changed. A
     * failure of any other kind keeps nothing, so the key stays free for a retry.
     */
    public <R, A> A sendOnce(String schoolId, String idempotencyKey, SchoolCommand<R> command, FirstAnswers<R, A> answers) {
        String actor = actors.currentActor();
        return sendOnce(new IdempotencyStore.Key(actor, schoolId, idempotencyKey), command, answers, actor);
    }

    /**
     * As {@link #sendOnce(String, String, SchoolCommand, FirstAnswers)}, but the key is the
     * school's whoever sends it: a record the offline desk made is uploaded by whichever of the
     * school's desks or tabs gets through, maybe by two at once, and must have one effect.
     */
    public <R, A> A sendOnceInSchool(String schoolId, String idempotencyKey, SchoolCommand<R> command,
            FirstAnswers<R, A> answers) {
        return sendOnce(new IdempotencyStore.Key(IdempotencyStore.SCHOOL_WIDE, schoolId, idempotencyKey), command, answers,
                actors.currentActor());
    }

    private <R, A> A sendOnce(IdempotencyStore.Key key, SchoolCommand<R> command, FirstAnswers<R, A> answers, String actor) {
        Optional<StoredAnswer> earlier = idempotency.find(key);
        if (earlier.isPresent()) {
            meters.replayed(command);
            return answers.again(earlier.get());
        }
        return meters.timed(command, () -> {
            FirstAnswer<A> first = admissions.admit(() -> TransactionRetries.retrying(() -> transactions.execute(status ->
                    givenMeanwhile(key, answers).orElseGet(() -> decide(key, command, actor, answers, status)))));
            return first.refusal() == null ? first.answer() : keep(key, answers, first.refusal()).give();
        });
    }

    /**
     * Claims the key for the current transaction, first waiting for an attempt with the same key
     * that holds it; that attempt's answer, when it kept one.
     */
    private <A> Optional<FirstAnswer<A>> givenMeanwhile(IdempotencyStore.Key key, FirstAnswers<?, A> answers) {
        idempotency.claim(key);
        return idempotency.find(key).map(stored -> new FirstAnswer<>(answers.again(stored), null));
    }

    /** Decides the command under a claimed key and keeps its answer; a refusal is kept apart, by {@link #keep}. */
    private <R, A> FirstAnswer<A> decide(IdempotencyStore.Key key, SchoolCommand<R> command, String actor,
            FirstAnswers<R, A> answers, TransactionStatus status) {
        try {
            FirstAnswers.Kept<A> answered = answers.answered(sendInTransaction(command, actor));
            idempotency.save(key, answered.stored());
            return new FirstAnswer<>(answered.answer(), null);
        } catch (Refused refusal) {
            status.setRollbackOnly();
            return new FirstAnswer<>(null, refusal);
        }
    }

    /**
     * Keeps a refusal under its key, in a transaction of its own: the refused command's
     * transaction is rolled back whole (Axon rolls back the connection itself when the command
     * read the event store, so a savepoint would not survive). A request with the same key that
     * claimed it in between has decided and kept its own answer, which is then the first one.
     */
    private <A> FirstAnswer<A> keep(IdempotencyStore.Key key, FirstAnswers<?, A> answers, Refused refusal) {
        return TransactionRetries.retrying(() -> transactions.execute(status -> givenMeanwhile(key, answers).orElseGet(() -> {
            idempotency.save(key, answers.refused(refusal));
            return new FirstAnswer<>(null, refusal);
        })));
    }

    /** The result is what the command's handler returned, which its {@link Command} type names. */
    @SuppressWarnings("unchecked")
    private <R> Executed<R> sendInTransaction(Command<R> command, String actor) {
        if (command instanceof SchoolCommand<R> ofSchool && ofSchool.needsRegisteredSchool()
                && !schools.isRegistered(ofSchool.schoolId())) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, ofSchool.schoolId().value());
        }
        return dispatch(command, actor);
    }

    /** Sends the command through Axon inside the current transaction; its result and the position of its last event. */
    @SuppressWarnings("unchecked")
    private <R> Executed<R> dispatch(Object command, String actor) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(EventProcessingAutoConfiguration.ACTOR, actor));
        try (RecordedEvents recorded = RecordedEvents.start()) {
            Object result;
            try {
                result = gateway.sendAndWait(message);
            } catch (AggregateNotFoundException e) {
                throw NotFound.refusal(String.valueOf(e.getAggregateIdentifier()));
            }
            long position = recorded.eventIds().isEmpty()
                    ? positions.ofUnchanged(targetOf(message))
                    : positions.ofEvents(recorded.eventIds());
            return new Executed<>((R) result, position);
        }
    }

    /** The aggregate a command names, when it names one (desk commands may not). */
    private String targetOf(CommandMessage<?> message) {
        try {
            return targets.resolveTarget(message).getIdentifier();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What the first attempt under a key answered: an answer, or a refusal, thrown only once
     * the transactions are over (thrown inside one, it would roll back the refusal's keeping).
     */
    private record FirstAnswer<A>(A answer, Refused refusal) {

        A give() {
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        }
    }
}
