package vn.motsach.analytics;

import static org.springframework.http.HttpMethod.GET;
import static vn.motsach.infra.security.RouteRules.DESK;
import static vn.motsach.infra.security.RouteRules.SCHOOL_STAFF;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.infra.security.RouteRules;

/** Who may call the analytics routes: a school's reading figures, and an authority's. */
@Configuration(proxyBeanMethods = false)
class AnalyticsAccessRules {

    @Bean
    RouteRules analyticsRoutes() {
        return RouteRules.builder()
                .school(GET, "/reading-metrics", DESK)
                .schoolClass(GET, "/classes/{classId}/reading-metrics")
                .school(GET, "/library-periods/{periodId}", SCHOOL_STAFF)
                .school(GET, "/reading-events/{eventId}/evaluation", SCHOOL_STAFF)
                .school(GET, "/reading-targets", SCHOOL_STAFF)
                .school(GET, "/reading-targets/{targetId}", SCHOOL_STAFF)
                .authority(GET, "")
                .authority(GET, "/reading-metrics")
                .build();
    }
}
