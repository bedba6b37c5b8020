package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** A failure outside a controller (a filter's) is worded on the error page: a moment of the database's is 503, a fault 500. */
class ErrorPageProblemsTest {

    private final ProblemErrorController errors = new ProblemErrorController(
            new Problems(new WebAutoConfiguration().messageSource()), new AcceptHeaderLocaleResolver());

    @Test
    void aFilterThatMetALockTimeoutIsServiceBusy() {
        ResponseEntity<ProblemDetail> answer = errors.error(failedWith(
                new CannotAcquireLockException("select", new SQLException("canceling statement due to lock timeout", "55P03"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_BUSY");
    }

    @Test
    void aFilterThatFailedOtherwiseIsAnInternalError() {
        ResponseEntity<ProblemDetail> answer = errors.error(failedWith(new IllegalStateException("a bug")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
    }

    private static MockHttpServletRequest failedWith(Exception failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/schools/th-a/loans");
        return request;
    }
}
