package vn.motsach.command.execution;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.infra.security.Caller;
import vn.motsach.infra.security.CurrentCaller;

@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean
    MigrationSet commandMigrations() {
        return new MigrationSet("command", "classpath:db/command");
    }

    @Bean
    @ConditionalOnMissingBean
    ActorProvider actorProvider() {
        return () -> CurrentCaller.get().map(Caller::username).orElse(ActorProvider.UNAUTHENTICATED);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, Clock clock) {
        return new IdempotencyStore(jdbc, clock);
    }

    /**
     * The lookup tables follow the events inside the command's own transaction, so they are fed
     * by a subscribing processor, not by a streaming one that would lag behind; a handler's failure
     * fails the command (Axon's default would log it and store the events without their rows).
     */
    @Bean
    ConfigurerModule lookupTablesInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(LookupTables.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(LookupTables.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    CommandExecutor commandExecutor(CommandGateway gateway, PlatformTransactionManager transactionManager,
            JdbcClient jdbc, IdempotencyStore idempotency, ActorProvider actors, EventBus eventBus,
            RegisteredSchools schools, @Value("${motsach.command.concurrency:32}") int concurrency,
            @Value("${motsach.command.admission-patience:10s}") Duration patience, ObjectProvider<MeterRegistry> meters) {
        eventBus.registerDispatchInterceptor(messages -> {
            messages.forEach(message -> RecordedEvents.record(message.getIdentifier()));
            return (index, message) -> message;
        });
        return new CommandExecutor(gateway, new TransactionTemplate(transactionManager), new EventPositions(jdbc),
                idempotency, actors, schools, new Admissions(concurrency, patience),
                new CommandMeters(meters.getIfAvailable(CompositeMeterRegistry::new)));
    }
}
