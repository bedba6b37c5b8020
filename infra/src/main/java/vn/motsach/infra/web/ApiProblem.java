package vn.motsach.infra.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal or bad request, answered as an RFC 9457 problem detail. {@code code} is the
 * stable code of the contract; the text comes from the problem bundles in the reader's
 * language, with {@code arguments} filled in.
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private final transient Object[] arguments;
    private final transient List<FieldProblem> fieldProblems;
    private final Long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String code, Object... arguments) {
        this(status, code, List.of(), arguments);
    }

    private ApiProblem(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... arguments) {
        this(status, code, fieldProblems, null, arguments);
    }

    private ApiProblem(HttpStatus status, String code, List<FieldProblem> fieldProblems, Long retryAfterSeconds,
            Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, telling the client when trying again makes sense. */
    public ApiProblem retryingAfter(long seconds) {
        return new ApiProblem(status, code, fieldProblems, seconds, arguments);
    }

    public java.util.Optional<Long> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public static ApiProblem invalid(List<FieldProblem> fieldProblems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", fieldProblems);
    }

    public static ApiProblem notFound(String code, Object... arguments) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, arguments);
    }

    public static ApiProblem conflict(String code, Object... arguments) {
        return new ApiProblem(HttpStatus.CONFLICT, code, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /**
     * One invalid field. {@code messageKey} names a text in the problem bundles, under
     * {@code field.<messageKey>}.
     */
    public record FieldProblem(String field, String messageKey, Object... arguments) {
    }
}
