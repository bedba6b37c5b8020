package vn.motsach.infra.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import vn.motsach.infra.time.IdGenerator;

/**
 * What an operator watches every side by: the request and school in every log line. The meters
 * are registered where they are measured (commands, refusals, processors, the publisher, Streams,
 * imports); {@code /actuator/prometheus} serves them, guarded by the security configuration.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    /** First of all filters, so that even a request refused at the edge is logged with its id. */
    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext(IdGenerator ids) {
        FilterRegistrationBean<RequestLogContext> registration = new FilterRegistrationBean<>(new RequestLogContext(ids));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
