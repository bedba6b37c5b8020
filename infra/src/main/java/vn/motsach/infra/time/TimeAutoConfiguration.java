package vn.motsach.infra.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The one clock and id source of the system; tests replace them with fixed ones. */
@AutoConfiguration
public class TimeAutoConfiguration {

    /** Schools live in Vietnam: "today" and "this week" are Vietnamese dates. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(SCHOOL_ZONE);
    }

    @Bean
    @ConditionalOnMissingBean
    public IdGenerator idGenerator() {
        return IdGenerator.random();
    }
}
