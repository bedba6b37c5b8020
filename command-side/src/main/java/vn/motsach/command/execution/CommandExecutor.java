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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.lookup.Lookups;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;
import vn.motsach.infra.web.ApiProblem;

/**
 * Runs a command in one PostgreSQL transaction together with everything that must commit with
 * it: its events, and the answer stored under its idempotency key. Reports the position of the
 * last event stored, for read-your-writes. A command that lost a race for an aggregate's next
 * sequence number is run again from scratch, so it decides on the state the winner left.
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
     * request gets the first answer again, a different request with the same key gets 422.
     */
    public ResponseEntity<Object> respond(IdempotentRequest request, Object command,
            Function<Object, ResponseEntity<Object>> answer) {
        if (request.key() == null) {
            Executed executed = send(command);
            return withPosition(answer.apply(executed.result()), executed.position());
        }
        String hash = hash(request);
        Optional<ResponseEntity<Object>> earlier = earlierAnswer(request, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return admissions.admit(() -> retryingRaces(() -> transactions.execute(status -> {
                Executed executed = sendInTransaction(command, actors.currentActor());
                ResponseEntity<Object> response = withPosition(answer.apply(executed.result()), executed.position());
                var stored = new IdempotencyStore.StoredAnswer(hash, response.getStatusCode().value(),
                        json.writeValueAsString(response.getBody()), executed.position());
                if (!idempotency.save(request.schoolId(), request.key(), stored)) {
                    throw new KeyTakenMeanwhile();
                }
                return response;
            })));
        } catch (KeyTakenMeanwhile e) {
            return earlierAnswer(request, hash).orElseThrow();
        }
    }

    private Optional<ResponseEntity<Object>> earlierAnswer(IdempotentRequest request, String hash) {
        return idempotency.find(request.schoolId(), request.key()).map(stored -> {
            if (!stored.requestHash().equals(hash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            return ResponseEntity.status(stored.status())
                    .header(EVENT_POSITION, Long.toString(stored.position()))
                    .header("Idempotent-Replayed", "true")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body((Object) stored.body());
        });
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

    /** Another request with the same key committed first; its answer is the one to give. */
    private static final class KeyTakenMeanwhile extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
