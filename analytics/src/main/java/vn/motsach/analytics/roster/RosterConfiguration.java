package vn.motsach.analytics.roster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    TopologyPart roster() {
        return RosterTopology::build;
    }

    /** From the query side's database where there is one (the all-in-one run), else none: see {@link PatronNames}. */
    @Bean
    PatronNames patronNames(ObjectProvider<JdbcClient> jdbc) {
        JdbcClient client = jdbc.getIfAvailable();
        return client == null ? PatronNames.NONE : new QuerySidePatronNames(client);
    }
}
