package vn.motsach.command.circulation;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CirculationConfiguration {

    static final String COPY_SNAPSHOTS = "copySnapshots";

    /** Loading a copy reads at most this many events after its latest snapshot. */
    @Bean(COPY_SNAPSHOTS)
    SnapshotTriggerDefinition copySnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }

    /**
     * The lookup tables follow the events inside the command's own transaction, so they are fed
     * by a subscribing processor, not by a streaming one that would lag behind.
     */
    @Bean
    ConfigurerModule lookupTablesInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor("circulation-lookups");
    }
}
