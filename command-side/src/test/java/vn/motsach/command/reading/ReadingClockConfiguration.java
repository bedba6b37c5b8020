package vn.motsach.command.reading;

import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import vn.motsach.testing.MutableClock;

/** Monday 7 September 2026 in Vietnam, in the first week of the 2026-2027 school year. */
@TestConfiguration(proxyBeanMethods = false)
class ReadingClockConfiguration {

    static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    @Bean
    MutableClock clock() {
        return MutableClock.at(MONDAY, LocalTime.of(15, 0));
    }
}
