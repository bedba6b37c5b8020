package vn.motsach.analytics.metrics;

import java.time.Clock;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.analytics.roster.PatronNames;
import vn.motsach.analytics.roster.QuerySidePatronNames;
import vn.motsach.analytics.streams.StreamsRunner;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    StateLookup stateLookup(StreamsRunner streams) {
        return new StateLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
                return streams.store(name, QueryableStoreTypes.keyValueStore());
            }
        };
    }

    @Bean
    ReadingMetrics readingMetrics(StateLookup stores, Clock clock) {
        return new ReadingMetrics(stores, clock);
    }

    /** From the query side's database where there is one (the all-in-one run), else none: see {@link PatronNames}. */
    @Bean
    PatronNames patronNames(ObjectProvider<JdbcClient> jdbc) {
        JdbcClient client = jdbc.getIfAvailable();
        return client == null ? PatronNames.NONE : new QuerySidePatronNames(client);
    }

    @Bean
    MetricsAnswers metricsAnswers(ReadingMetrics metrics, PatronNames names) {
        return new MetricsAnswers(metrics, names);
    }
}
