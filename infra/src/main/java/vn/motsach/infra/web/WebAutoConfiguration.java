package vn.motsach.infra.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem texts for librarians: Vietnamese unless the request asks for English. Each module
 * keeps its own bundle {@code problems/<module>}; a missing bundle is simply skipped. And the
 * edge of every side: request bodies read strictly ({@link RequestJson}), requests checked for
 * their shape ({@link RequestLimits}), and every error, even those Tomcat raises before Spring,
 * answered as a problem detail.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("problems/infra", "problems/command", "problems/query", "problems/analytics");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    @Bean
    public Problems problems(MessageSource messageSource, ObjectProvider<MeterRegistry> meters) {
        return new Problems(messageSource, meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    public LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    public WebMvcConfigurer idempotencyKeyCheck() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new IdempotencyKeyCheck());
            }
        };
    }

    /**
     * Controller methods take their request as one checked record ({@link CheckedRequest}), its
     * body read by the converters Spring MVC reads a {@code @RequestBody} with.
     */
    @Bean
    public WebMvcConfigurer checkedRequests(ObjectProvider<RequestMappingHandlerAdapter> adapter,
            ObjectProvider<Clock> clock) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CheckedRequests(() -> adapter.getObject().getMessageConverters(), clock::getObject));
            }
        };
    }

    /** After Spring Boot's own JSON converter, so that request bodies are read by the strict mapper. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    ServerHttpMessageConvertersCustomizer strictRequestJson(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(RequestJson.strict(jsonMapper));
        return converters -> converters.withJsonConverter(strict);
    }

    /** Before Spring Security, so that no filter reads a body or a parameter the edge refuses. */
    @Bean
    FilterRegistrationBean<RequestLimits> requestLimits(Problems problems, LocaleResolver localeResolver,
            @Value("${motsach.web.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${motsach.web.max-upload-size:100MB}") DataSize maxUploadSize,
            @Value("${motsach.web.upload-paths:/api/v1/schools/*/imports}") List<String> uploadPaths) {
        FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
                new RequestLimits(problems, localeResolver, maxBodySize.toBytes(), maxUploadSize.toBytes(), uploadPaths));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(Problems problems, LocaleResolver localeResolver) {
        return new ProblemErrorController(problems, localeResolver);
    }

    /**
     * Tomcat answers what it refuses with a problem detail, and passes an encoded slash
     * ({@code %2F}) on to Spring, where a path variable keeps it: barcodes may contain {@code /}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StandardHost.class)
    static class TomcatEdge {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportingTomcat(Problems problems) {
            return new TomcatCustomizer(problems);
        }
    }

    /** Runs after Spring Boot's customizer, which adds Tomcat's own error report. */
    private record TomcatCustomizer(Problems problems)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("decode"));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve(problems));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
