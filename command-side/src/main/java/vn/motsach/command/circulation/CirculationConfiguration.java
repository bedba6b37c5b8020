package vn.motsach.command.circulation;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CirculationConfiguration {

    /**
     * The lookup tables follow the events inside the command's own transaction, so they are fed
     * by a subscribing processor, not by a streaming one that would lag behind.
     */
    @Bean
    ConfigurerModule lookupTablesInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor("circulation-lookups");
    }
}
