package vn.motsach.analytics.authorities;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class AuthoritiesConfiguration {

    @Bean
    TopologyPart schoolsPerAuthority() {
        return SchoolsPerAuthorityTopology::build;
    }
}
