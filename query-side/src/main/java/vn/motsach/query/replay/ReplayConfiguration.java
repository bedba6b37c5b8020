package vn.motsach.query.replay;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.query.Projections;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    @Bean
    ProjectionRebuild projectionRebuild(DataSource dataSource, EventStorageEngine events, ListableBeanFactory beans, Clock clock) {
        return new ProjectionRebuild(dataSource, events, Projections.in(beans).values().stream().map(beans::getBean).toList(),
                beans, clock);
    }
}
