package vn.motsach.analytics.metrics;

import java.time.Clock;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.roster.PatronNames;
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

    @Bean
    MetricsAnswers metricsAnswers(ReadingMetrics metrics, PatronNames names) {
        return new MetricsAnswers(metrics, names);
    }
}
