package vn.motsach.command.imports;

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
}
