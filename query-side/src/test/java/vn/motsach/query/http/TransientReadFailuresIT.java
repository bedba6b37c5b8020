package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.motsach.testing.ApiClient;

/**
 * A read PostgreSQL gives up on for another transaction's sake (here a {@code lock_timeout}: a
 * rebuild holds the table) is answered 503 {@code SERVICE_BUSY} with a {@code Retry-After},
 * not 500; once the table is free the same read is answered.
 */
@TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=set lock_timeout = '300ms'")
class TransientReadFailuresIT extends RunningQuerySide {

    @Autowired
    DataSource dataSource;

    @Test
    void aReadThatMeetsALockTimeoutIsServiceBusy() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("lock table qs_stocktake in access exclusive mode");
            }
            ApiClient.Answer busy = api.get(base + "/stocktakes");

            refused(busy, 503, "SERVICE_BUSY");
            assertThat(busy.header("Retry-After")).hasValue("1");
            other.rollback();
        }

        assertThat(api.get(base + "/stocktakes").status()).isEqualTo(200);
    }
}
