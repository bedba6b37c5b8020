package vn.motsach.analytics.streams;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Sends the owning instance's answer as it came ({@link InstanceRouter#answer}). First among the
 * advice, before the one that makes every other exception a problem detail.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RelayedAnswers {

    @ExceptionHandler(AnsweredElsewhere.class)
    ResponseEntity<byte[]> relayed(AnsweredElsewhere elsewhere) {
        return elsewhere.answer();
    }
}
