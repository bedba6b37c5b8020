package vn.motsach.query.replay;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    @Bean
    ProjectionRebuild projectionRebuild(DataSource dataSource, EventStorageEngine events, List<RebuildableProjection> projections,
            Clock clock) {
        return new ProjectionRebuild(dataSource, events, projections, clock);
    }
}
