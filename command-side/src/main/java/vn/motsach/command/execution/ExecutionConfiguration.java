package vn.motsach.command.execution;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.lookup.Lookups;
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
    GlobalOperationCustomizer commandAnswersDocumented() {
        return new CommandAnswersDocumented();
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, Clock clock) {
        return new IdempotencyStore(jdbc, clock);
    }

    @Bean
    CommandExecutor commandExecutor(CommandGateway gateway, PlatformTransactionManager transactionManager,
            JdbcClient jdbc, IdempotencyStore idempotency, JsonMapper json, ActorProvider actors, EventBus eventBus,
            Lookups lookups, @Value("${motsach.command.concurrency:32}") int concurrency,
            @Value("${motsach.command.admission-patience:10s}") Duration patience) {
        eventBus.registerDispatchInterceptor(messages -> {
            messages.forEach(message -> RecordedEvents.record(message.getIdentifier()));
            return (index, message) -> message;
        });
        return new CommandExecutor(gateway, new TransactionTemplate(transactionManager), new EventPositions(jdbc),
                idempotency, json, actors, lookups, new Admissions(concurrency, patience));
    }
}
