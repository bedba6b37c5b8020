package vn.motsach.analytics.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class ReadingEventsConfiguration {

    @Bean
    TopologyPart readingEvents() {
        return ReadingEventsTopology::build;
    }
}
