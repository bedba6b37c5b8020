package vn.motsach.analytics.targets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class ReadingTargetsConfiguration {

    @Bean
    TopologyPart readingTargets() {
        return ReadingTargetsTopology::build;
    }
}
