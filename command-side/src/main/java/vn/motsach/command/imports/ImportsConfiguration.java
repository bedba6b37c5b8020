package vn.motsach.command.imports;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportsConfiguration {

    /** Every event an import's command stores names the import in its metadata. */
    @Bean
    CorrelationDataProvider importCorrelation() {
        return new SimpleCorrelationDataProvider(ImportCommands.IMPORT_ID);
    }

    /**
     * {@code motsach.import.jobs}: the jobs of all schools by status, read from the jobs' table, so
     * every instance reports the same figures (queued and running ones are the work in hand; the
     * finished ones only grow, their rate is the throughput).
     */
    @Bean
    MeterBinder importJobMeters(ImportJobs jobs) {
        return meters -> {
            for (ImportStatus status : ImportStatus.values()) {
                Gauge.builder("motsach.import.jobs", jobs, all -> all.count(status)).tag("status", status.name())
                        .description("Import jobs of all schools, by status").register(meters);
            }
        };
    }
}
