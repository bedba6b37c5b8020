package vn.motsach.query.positions;

import java.time.Clock;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PositionsConfiguration {

    @Bean
    ProjectionPositions projectionPositions(JdbcClient jdbc, Serializer serializer, Clock clock, ApplicationContext context) {
        return new ProjectionPositions(jdbc, serializer, clock, context);
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
}
