package vn.motsach.analytics.periods;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class LibraryPeriodsConfiguration {

    @Bean
    TopologyPart libraryPeriods() {
        return LibraryPeriodsTopology::build;
    }
}
