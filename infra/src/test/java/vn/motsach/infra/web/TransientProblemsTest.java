package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A failure of the database's moment is 503 with a Retry-After on every side; a fault stays 500. */
class TransientProblemsTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(new Problems(new WebAutoConfiguration().messageSource()));

    @Test
    void noConnectionInTimeOrALockTimeoutIsServiceBusy() {
        for (Exception failure : new Exception[] {
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")),
                new CannotAcquireLockException("select", new SQLException("canceling statement due to lock timeout", "55P03"))}) {
            ResponseEntity<ProblemDetail> answer = inVietnamese(() -> advice.unexpected(failure));

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_BUSY");
            assertThat(answer.getBody().getDetail()).contains("thử lại");
        }
    }

    private static <T> T inVietnamese(Supplier<T> work) {
        LocaleContextHolder.setLocale(WebAutoConfiguration.VIETNAMESE);
        try {
            return work.get();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aFaultIsStillAnInternalError() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
    }
}
