package vn.motsach.analytics.roster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    TopologyPart roster() {
        return RosterTopology::build;
    }
}
