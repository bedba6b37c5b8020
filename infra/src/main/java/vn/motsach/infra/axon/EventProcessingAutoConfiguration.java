package vn.motsach.infra.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import vn.motsach.events.SchoolEvent;
import vn.motsach.infra.background.BackgroundThreads;

/**
 * Every event processor is a pooled streaming processor that keeps each school's events in
 * order (and lets different schools go in parallel), and every event carries the actor of the
 * command that caused it.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(EventProcessingAutoConfiguration.ProcessorSettings.class)
public class EventProcessingAutoConfiguration {

    /** Metadata key of the account (or {@code system}) behind a command and its events. */
    public static final String ACTOR = "actor";

    @Bean
    public SequencingPolicy<EventMessage<?>> schoolSequencingPolicy() {
        return event -> sequenceOf(schoolOf(event), event.getIdentifier());
    }

    /**
     * The school of a school's event. Every processor asks this of every event, including the
     * many it then skips, so it is read from the stream's id ({@code kind:school[:...]}, as every
     * aggregate names itself) rather than by deserializing the event.
     */
    static String schoolOf(EventMessage<?> event) {
        if (!SchoolEvent.class.isAssignableFrom(event.getPayloadType())) {
            return null;
        }
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            String stream = domain.getAggregateIdentifier();
            int start = stream.indexOf(':') + 1;
            if (start > 0) {
                int end = stream.indexOf(':', start);
                return stream.substring(start, end < 0 ? stream.length() : end);
            }
        }
        return ((SchoolEvent) event.getPayload()).schoolId().value();
    }

    /**
     * The one rule deciding which events a processor handles in order: a school's events one
     * after the other, anything without a school on its own.
     */
    public static String sequenceOf(String schoolId, String eventId) {
        return schoolId != null ? schoolId : eventId;
    }

    @Bean(destroyMethod = "close")
    PromptEventSource.Shared promptEventSource(ProcessorSettings settings) {
        return new PromptEventSource.Shared(settings.wakeInterval());
    }

    @Bean
    public ConfigurerModule pooledProcessorsPerSchool(SequencingPolicy<EventMessage<?>> schoolSequencingPolicy,
            ProcessorSettings settings, PromptEventSource.Shared source) {
        return configurer -> configurer.eventProcessing()
                .configureDefaultStreamableMessageSource(configuration -> source.over(configuration.eventStore()))
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        // Axon's own executors, of the same sizes, on threads below the requests' priority
                        .coordinatorExecutor(name -> backgroundExecutor(configuration, 1, "Coordinator[" + name + "]"))
                        .workerExecutor(name -> backgroundExecutor(configuration, 4, "WorkPackage[" + name + "]"))
                        .batchSize(settings.batchSize())
                        .initialSegmentCount(settings.initialSegmentCount())
                        .tokenClaimInterval(settings.tokenClaimInterval().toMillis())
                        .claimExtensionThreshold(settings.claimExtensionThreshold().toMillis()))
                .registerDefaultSequencingPolicy(configuration -> schoolSequencingPolicy);
    }

    private static ScheduledExecutorService backgroundExecutor(org.axonframework.config.Configuration configuration,
            int threads, String name) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(threads, BackgroundThreads.pool(name));
        configuration.onShutdown(executor::shutdown);
        return executor;
    }

    @Bean(name = "eventProcessorsHealthIndicator")
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
            ObjectProvider<EventStore> eventStore, ObjectProvider<TransactionManager> transactions, ProcessorSettings settings,
            Clock clock) {
        return new EventProcessorsHealthIndicator(processing, head(eventStore), new ProgressWatch(settings.stallAfter(), clock),
                transactions.getIfAvailable(NoTransactionManager::instance));
    }

    @Bean
    EventProcessorMeters eventProcessorMeters(EventProcessingConfiguration processing, ObjectProvider<EventStore> eventStore,
            ObjectProvider<MeterRegistry> meters) {
        return new EventProcessorMeters(processing, head(eventStore), meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    /** The position of the newest stored event; analytics runs without the event store, and without processors reading it. */
    private static LongSupplier head(ObjectProvider<EventStore> eventStore) {
        return () -> {
            EventStore store = eventStore.getIfAvailable();
            TrackingToken token = store == null ? null : store.createHeadToken();
            return token == null ? 0 : token.position().orElse(0);
        };
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    /**
     * @param initialSegmentCount segments a processor starts with. One: on a two-core server every
     *     further segment adds a transaction and a token write per batch, and no core to run it
     *     on; raise it with the cores.
     * @param stallAfter how long a processor (or projection) may stand still while events wait
     *     after it before health reports it down: far longer than a batch takes, and than Axon's
     *     first retries of a failed one.
     */
    @ConfigurationProperties("motsach.event-processors")
    public record ProcessorSettings(
            @DefaultValue("200") int batchSize,
            @DefaultValue("1") int initialSegmentCount,
            @DefaultValue("1s") Duration tokenClaimInterval,
            @DefaultValue("5s") Duration claimExtensionThreshold,
            @DefaultValue("40ms") Duration wakeInterval,
            @DefaultValue("60s") Duration stallAfter) {
    }
}
