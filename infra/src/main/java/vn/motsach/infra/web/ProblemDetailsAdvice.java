package vn.motsach.infra.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.database.TransientFailures;

/**
 * The one place where refusals become RFC 9457 problem details: a stable {@code code}, a
 * {@code title} and {@code detail} in Vietnamese (English on {@code Accept-Language: en}) and,
 * for invalid input, every field with its message.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    public ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ResponseEntity<ProblemDetail> answer = answer(problem.status(), problem.code(), problem.arguments(), problem.fieldProblems());
        return problem.retryAfterSeconds()
                .map(seconds -> ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .header("Retry-After", seconds.toString()).body(answer.getBody()))
                .orElse(answer);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refusal) {
        ResponseEntity<ProblemDetail> answer = answer(statusOf(refusal.code()), refusal.code().name(), refusal.arguments(), List.of());
        if (refusal.code() == RefusalCode.BARCODE_AMBIGUOUS && refusal.arguments().length > 1) {
            // the desk offers the owners to choose from: a list it can read, not only the sentence's words;
            // taken from the refusal's arguments, so a replayed refusal (kept as its arguments) lists them too
            answer.getBody().setProperty("owners", List.of(String.valueOf(refusal.arguments()[1]).split(", ")));
        }
        return answer;
    }

    /** The status a refusal is answered with: 404 for what does not exist, 409 for a rule. */
    public static HttpStatus statusOf(RefusalCode code) {
        return code.kind() == RefusalCode.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    }

    /** A multipart upload past Spring's limits, which only a chunked upload (no length said) reaches. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        long permitted = e.getMaxUploadSize();
        for (Throwable cause = e.getCause(); cause != null && permitted < 0; cause = cause.getCause()) {
            if (cause instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException size) {
                permitted = size.getPermittedSize();
            }
        }
        return answer(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", new Object[] {permitted}, List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return apiProblem(problem);
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0], List.of(RequestJson.problem(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0], List.of(new ApiProblem.FieldProblem(
                    e.getName(), "oneOf", String.valueOf(e.getValue()), RequestJson.allowedValues(e.getRequiredType()))));
        }
        return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0],
                List.of(new ApiProblem.FieldProblem(e.getName(), "invalid", String.valueOf(e.getValue()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0],
                List.of(new ApiProblem.FieldProblem(e.getParameterName(), "required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0],
                List.of(new ApiProblem.FieldProblem(e.getHeaderName(), "required")));
    }

    /**
     * A body of a type the route does not take. The code is the same for every route; a route
     * that takes only a multipart upload says so, rather than asking for the JSON the others take.
     */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", new Object[0],
                List.of());
        if (!e.getSupportedMediaTypes().isEmpty()
                && e.getSupportedMediaTypes().stream().allMatch(MediaType.MULTIPART_FORM_DATA::isCompatibleWith)) {
            answer.getBody().setDetail(problems.text("problem.UNSUPPORTED_MEDIA_TYPE.multipart.detail", new Object[0],
                    LocaleContextHolder.getLocale(), "multipart/form-data"));
        }
        return answer;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", new Object[0], List.of());
        if (e.getSupportedHttpMethods() == null || e.getSupportedHttpMethods().isEmpty()) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new)).body(answer.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", new Object[0], List.of());
    }

    /**
     * A failure of the moment ({@link TransientFailures}: a deadlock, a lock or serialization
     * conflict, no connection in time) is the database's, not the request's: 503 and try again.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            log.warn("A failure of the moment, answered 503 SERVICE_BUSY", e);
            return apiProblem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY").retryingAfter(1));
        }
        log.error("Unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", new Object[0], List.of());
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String code, Object[] arguments,
            List<ApiProblem.FieldProblem> fields) {
        ProblemDetail problem = problems.of(status, code, arguments, fields, LocaleContextHolder.getLocale());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
