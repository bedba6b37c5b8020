package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Overdue loans and uncollected holds are found from stored state, not from timers: the
 * application stops before they fall due, starts again days later, and catches up.
 */
class TimeDrivenRulesRestartIT {

    @Test
    void aRestartInBetweenStillFiresTheTimeDrivenRules() {
        try (ConfigurableApplicationContext before = start("2026-09-07")) {
            LibraryFixture library = LibraryFixture.primarySchool(new ApiClient(port(before)), "th-restart");
            String title = library.title("Chí Phèo");
            library.copy("CP-1", title);
            library.copy("CP-2", title);
            library.expect(201, library.checkOut("CP-1", "hs-an"));
            library.expect(201, library.checkOut("CP-2", "hs-binh"));
            library.expect(201, library.placeHold(title, "hs-an"));
            library.expect(200, library.checkIn("CP-2"));
            assertThat(count(before, "LoanBecameOverdue") + count(before, "HoldExpired")).isZero();
        }

        try (ConfigurableApplicationContext after = start("2026-09-28")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count(after, "LoanBecameOverdue")).isEqualTo(1);
                assertThat(count(after, "HoldExpired")).isEqualTo(1);
            });
        }
    }

    private static ConfigurableApplicationContext start(String day) {
        return new SpringApplicationBuilder(CommandSideApplication.class, TestClockConfiguration.class).run(
                "--server.port=0", "--motsach.test.clock-start=" + day, "--motsach.circulation.sweep-interval=1h");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static long count(ConfigurableApplicationContext context, String type) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from domainevententry where payloadtype like ? and payload like '%\"schoolId\":\"th-restart\"%'")
                .param("%." + type).query(Long.class).single();
    }
}
