package vn.motsach.command.execution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.lookup.Lookups;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.ProblemDetailsAdvice;

/**
 * Runs a command in one PostgreSQL transaction together with everything that must commit with
 * it: its events, and the answer stored under its idempotency key (a refused command stores
 * nothing but, under a key, its refusal). Reports the position of the last event stored, for
 * read-your-writes. A command that lost a race for an aggregate's next sequence number is run
 * again from scratch, so it decides on the state the winner left.
 */
public final class CommandExecutor {

    public static final String EVENT_POSITION = "X-Event-Position";
    private static final int ATTEMPTS = 8;

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;
    private final EventPositions positions;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final ActorProvider actors;
    private final Lookups lookups;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final Admissions admissions;

    CommandExecutor(CommandGateway gateway, TransactionTemplate transactions, EventPositions positions,
            IdempotencyStore idempotency, JsonMapper json, ActorProvider actors, Lookups lookups, Admissions admissions) {
        this.admissions = admissions;
        this.gateway = gateway;
        this.transactions = transactions;
        this.positions = positions;
        this.idempotency = idempotency;
        this.json = json;
        this.actors = actors;
        this.lookups = lookups;
    }

    /** Runs the command; a refusal propagates as thrown by the aggregate and stores nothing. */
    public Executed send(Object command) {
        return send(command, actors.currentActor());
    }

    /** Runs a command on behalf of {@code actor}: time-driven rules act as {@link ActorProvider#SYSTEM}. */
    public Executed send(Object command, String actor) {
        return admissions.admit(() -> retryingRaces(() -> transactions.execute(status -> sendInTransaction(command, actor))));
    }

    /**
     * Runs the command under an idempotency key (when the request has one): a repeat of the same
     * request gets the first answer again, a different request with the same key gets 422. The
     * key is claimed before the command is decided, so a repeat sent while the first attempt
     * still runs (its answer lost, the desk retrying) waits for that attempt and gets its answer.
     * A refusal is a first answer too: kept under the key, and given again even once the state
     * has changed. A failure of any other kind keeps nothing, so the key stays free for a retry.
     */
    public ResponseEntity<Object> respond(IdempotentRequest request, Object command,
            Function<Object, ResponseEntity<Object>> answer) {
        if (request.key() == null) {
            Executed executed = send(command);
            return withPosition(answer.apply(executed.result()), executed.position());
        }
        String actor = actors.currentActor();
        IdempotencyStore.Key key = new IdempotencyStore.Key(actor, request.schoolId(), request.key());
        String hash = hash(request);
        Optional<IdempotencyStore.StoredAnswer> earlier = idempotency.find(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        FirstAnswer first = admissions.admit(() -> retryingRaces(() -> transactions.execute(status ->
                givenMeanwhile(key, hash).orElseGet(() -> decide(key, hash, command, actor, answer, status)))));
        return first.refusal() == null ? first.response() : keep(key, hash, first.refusal()).give();
    }

    /**
     * Claims the key for the current transaction, first waiting for an attempt with the same key
     * that holds it; that attempt's answer, when it kept one.
     */
    private Optional<FirstAnswer> givenMeanwhile(IdempotencyStore.Key key, String hash) {
        idempotency.claim(key);
        return idempotency.find(key).map(stored -> new FirstAnswer(replay(stored, hash), null));
    }

    /** Decides the command under a claimed key and keeps its answer; a refusal is kept apart, by {@link #keep}. */
    private FirstAnswer decide(IdempotencyStore.Key key, String hash, Object command, String actor,
            Function<Object, ResponseEntity<Object>> answer, TransactionStatus status) {
        try {
            Executed executed = sendInTransaction(command, actor);
            ResponseEntity<Object> response = withPosition(answer.apply(executed.result()), executed.position());
            idempotency.save(key, new IdempotencyStore.StoredAnswer(hash, response.getStatusCode().value(),
                    json.writeValueAsString(response.getBody()), executed.position(), null));
            return new FirstAnswer(response, null);
        } catch (Refused refusal) {
            status.setRollbackOnly();
            return new FirstAnswer(null, refusal);
        }
    }

    /**
     * Keeps a refusal under its key, in a transaction of its own: the refused command's
     * transaction is rolled back whole (Axon rolls back the connection itself when the command
     * read the event store, so a savepoint would not survive). A request with the same key that
     * claimed it in between has decided and kept its own answer, which is then the first one.
     */
    private FirstAnswer keep(IdempotencyStore.Key key, String hash, Refused refusal) {
        return transactions.execute(status -> givenMeanwhile(key, hash).orElseGet(() -> {
            idempotency.save(key, new IdempotencyStore.StoredAnswer(hash, ProblemDetailsAdvice.statusOf(refusal.code()).value(),
                    json.writeValueAsString(refusal.arguments()), null, refusal.code().name()));
            return new FirstAnswer(null, refusal);
        }));
    }

    /** The first answer again; a refusal is thrown again, to be worded in this reader's language. */
    private ResponseEntity<Object> replay(IdempotencyStore.StoredAnswer stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
        }
        if (stored.refusal() != null) {
            throw new Refused(RefusalCode.valueOf(stored.refusal()), json.readValue(stored.body(), Object[].class));
        }
        return ResponseEntity.status(stored.status())
                .header(EVENT_POSITION, Long.toString(stored.position()))
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body((Object) stored.body());
    }

    private Executed sendInTransaction(Object command, String actor) {
        if (command instanceof SchoolCommand scoped && scoped.needsRegisteredSchool()
                && !lookups.schoolExists(scoped.schoolId())) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, scoped.schoolId().value());
        }
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
            return new Executed(result, position);
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

    private static <T> T retryingRaces(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static ResponseEntity<Object> withPosition(ResponseEntity<Object> response, long position) {
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header(EVENT_POSITION, Long.toString(position))
                .body(response.getBody());
    }

    private String hash(IdempotentRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (request.operation() + '\n' + json.writeValueAsString(request.body())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the first attempt under a key answered: a response, or a refusal, thrown only once
     * the transactions are over (thrown inside one, it would roll back the refusal's keeping).
     */
    private record FirstAnswer(ResponseEntity<Object> response, Refused refusal) {

        ResponseEntity<Object> give() {
            if (refusal != null) {
                throw refusal;
            }
            return response;
        }
    }
}
