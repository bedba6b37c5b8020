package vn.motsach.query.positions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.serialization.Serializer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;
import vn.motsach.infra.axon.ProgressWatch;
import vn.motsach.query.deadletters.ProjectionDeadLetters;
import vn.motsach.query.replay.ProjectionRebuild;

@Configuration(proxyBeanMethods = false)
class PositionsConfiguration {

    @Bean
    ProjectionPositions projectionPositions(JdbcClient jdbc, Serializer serializer, Clock clock, ApplicationContext context,
            ProjectionDeadLetters deadLetters) {
        return new ProjectionPositions(jdbc, serializer, clock, context, deadLetters);
    }

    @Bean
    WebMvcConfigurer minEventPositionOnQueries(ProjectionPositions positions) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new MinEventPosition(positions)).addPathPatterns("/api/v1/**");
            }
        };
    }

    @Bean
    GlobalOperationCustomizer minEventPositionDocumented() {
        return MinEventPosition::document;
    }

    /** The health component {@code projections}: each projection's position, lag and parked events, and any rebuild. */
    @Bean(name = "projectionsHealthIndicator")
    ProjectionLag projectionLag(ProjectionPositions positions, ProjectionRebuild rebuild, ProjectionDeadLetters deadLetters,
            EventProcessingAutoConfiguration.ProcessorSettings settings, Clock clock) {
        return new ProjectionLag(positions, rebuild, deadLetters, new ProgressWatch(settings.stallAfter(), clock), clock);
    }

    /** One gauge per projection, registered once every projection bean exists. */
    @Bean
    SmartInitializingSingleton projectionLagGauges(ProjectionPositions positions, ProjectionLag lag,
            ObjectProvider<MeterRegistry> registries) {
        return () -> registries.ifAvailable(registry -> positions.processors().forEach(name ->
                Gauge.builder("motsach.projection.lag", lag, l -> l.lag(name))
                        .tag("projection", name)
                        .description("Events stored that the projection has not applied yet")
                        .baseUnit("events")
                        .register(registry)));
    }
}
