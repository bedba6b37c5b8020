package vn.motsach.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.execution.CommandExecutor;
import vn.motsach.command.execution.CommandsBusy;
import vn.motsach.command.execution.Executed;
import vn.motsach.command.execution.FirstAnswers;
import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;
import vn.motsach.command.execution.Command;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.ProblemDetailsAdvice;

/**
 * The HTTP answers of the command side's writes: the controller says how a command's result is
 * answered, this class adds the {@code X-Event-Position} of the command's last event (for
 * read-your-writes) and, under an {@code Idempotency-Key}, gives a repeat of the request the
 * first answer again ({@code Idempotent-Replayed}), a refusal included, and a different request
 * with the same key 422 {@code IDEMPOTENCY_KEY_REUSED}. The {@link CommandExecutor} keeps the
 * first answer in the command's own transaction; what it keeps (the status, the JSON body, a
 * hash of the request) is decided here.
 */
public final class CommandResponses {

    public static final String EVENT_POSITION = "X-Event-Position";

    private final CommandExecutor commands;
    private final JsonMapper json;

    CommandResponses(CommandExecutor commands, JsonMapper json) {
        this.commands = commands;
        this.json = json;
    }

    /** Runs the command and answers its result as {@code answer} says. */
    public <R, B> ResponseEntity<B> respond(Command<R> command, Function<R, ResponseEntity<B>> answer) {
        Executed<R> executed = admitted(() -> commands.send(command));
        return withPosition(answer.apply(executed.result()), executed.position());
    }

    /**
     * Runs the command under the request's idempotency key, when it has one: a repeat of the same
     * request gets the first answer again, a different request with the same key gets 422.
     */
    public <R, B> ResponseEntity<B> respond(IdempotentRequest request, SchoolCommand<R> command,
            Function<R, ResponseEntity<B>> answer) {
        if (request.key() == null) {
            return respond(command, answer);
        }
        return admitted(() -> commands.sendOnce(request.schoolId(), request.key(), command,
                new HttpFirstAnswers<>(hash(request), answer)));
    }

    /**
     * Runs the command once under a key that is the school's whoever sends it (a record the
     * offline desk made, which any of its desks or tabs may upload): the caller words the first
     * answer and its repeats through {@code answers}; a first refusal is thrown, as by the executor.
     */
    public <R, A> A onceInSchool(String schoolId, String key, SchoolCommand<R> command, FirstAnswers<R, A> answers) {
        return admitted(() -> commands.sendOnceInSchool(schoolId, key, command, answers));
    }

    /** A command that was not let in is told to try again in a second. */
    private static <T> T admitted(Supplier<T> work) {
        try {
            return work.get();
        } catch (CommandsBusy e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "COMMANDS_BUSY").retryingAfter(1);
        }
    }

    private static <B> ResponseEntity<B> withPosition(ResponseEntity<B> response, long position) {
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
     * The first answer to one request as HTTP: kept as its status and JSON body, a refusal as its
     * code and arguments. A repeat is answered with the kept JSON text itself, which Spring MVC
     * writes as it is whatever the answer's declared type: the bytes the client got the first time.
     */
    private final class HttpFirstAnswers<R, B> implements FirstAnswers<R, ResponseEntity<B>> {

        private final String requestHash;
        private final Function<R, ResponseEntity<B>> answer;

        HttpFirstAnswers(String requestHash, Function<R, ResponseEntity<B>> answer) {
            this.requestHash = requestHash;
            this.answer = answer;
        }

        @Override
        public Kept<ResponseEntity<B>> answered(Executed<R> executed) {
            ResponseEntity<B> response = withPosition(answer.apply(executed.result()), executed.position());
            return new Kept<>(response, new StoredAnswer(requestHash, response.getStatusCode().value(),
                    json.writeValueAsString(response.getBody()), executed.position(), null));
        }

        @Override
        public StoredAnswer refused(Refused refusal) {
            return StoredAnswer.refused(requestHash, ProblemDetailsAdvice.statusOf(refusal.code()).value(), refusal.code().name(),
                    refusal.arguments());
        }

        /** The first answer again; a refusal is thrown again, to be worded in this reader's language. */
        @Override
        @SuppressWarnings("unchecked")
        public ResponseEntity<B> again(StoredAnswer first) {
            if (!first.requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            if (first.refusal() != null) {
                throw new Refused(RefusalCode.valueOf(first.refusal()), first.refusalArguments());
            }
            return (ResponseEntity<B>) ResponseEntity.status(first.status())
                    .header(EVENT_POSITION, Long.toString(first.position()))
                    .header("Idempotent-Replayed", "true")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body((Object) first.body());
        }
    }
}
