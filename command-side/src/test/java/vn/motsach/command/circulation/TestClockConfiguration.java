package vn.motsach.command.circulation;

import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import vn.motsach.testing.MutableClock;

/** Monday 7 September 2026, 9:00 in Vietnam: the first week of the school year. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 9, 7);

    /** {@code motsach.test.clock-start} lets a second start of the application begin later. */
    @Bean
    MutableClock clock(@Value("${motsach.test.clock-start:2026-09-07}") LocalDate start) {
        return MutableClock.at(start, LocalTime.of(9, 0));
    }
}
