package vn.motsach.analytics.streams;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.ProblemDetailsAdvice;

/**
 * While Streams rebalances or restores, its stores cannot be read: the answer is 503 with
 * Retry-After, not an error, since the metrics will be back in a moment.
 */
@RestControllerAdvice
class StoreUnavailable {

    private final ProblemDetailsAdvice problems;

    StoreUnavailable(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> unavailable(InvalidStateStoreException e) {
        return problems.apiProblem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "METRICS_RESTORING").retryingAfter(1));
    }
}
