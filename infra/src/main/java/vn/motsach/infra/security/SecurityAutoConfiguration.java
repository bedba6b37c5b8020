package vn.motsach.infra.security;

import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.LocaleResolver;
import vn.motsach.infra.web.Problems;

/**
 * Every endpoint under {@code /api/v1} needs a bearer token and passes {@link AccessRules}; the
 * health endpoint and the API description are open. Stateless: no sessions, no cookies, so no
 * CSRF to defend against.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityAutoConfiguration {

    /** Every side's rules for its own routes, found in the context: a side that is not there brings none. */
    @Bean
    public AccessRules accessRules(ObjectProvider<RouteRules> routes) {
        return new AccessRules(routes.orderedStream().toList());
    }

    @Bean
    public SecretKey tokenSigningKey(SecuritySettings settings, @Value("${motsach.data-dir:./data}") String dataDirectory) {
        return SigningKey.of(settings.jwtSecret(), Path.of(dataDirectory));
    }

    @Bean
    public AccessTokens accessTokens(SecretKey tokenSigningKey, SecuritySettings settings, Clock clock) {
        return new AccessTokens(NimbusJwtEncoder.withSecretKey(tokenSigningKey).build(), settings, clock);
    }

    @Bean
    TokenAuthentication tokenAuthentication(SecretKey tokenSigningKey, SecuritySettings settings, Clock clock,
            ObjectProvider<TokenVersionCheck> tokenVersions) {
        return new TokenAuthentication(tokenSigningKey, settings, clock, tokenVersions);
    }

    /**
     * The tree of authorities, where the platform schema is; preferred to analytics' own copy of
     * it (analytics alone has no database), as it is written with the tree's events.
     */
    @Bean
    @Primary
    @ConditionalOnBean(JdbcClient.class)
    AuthorityLines authorityLines(JdbcClient jdbc) {
        return new JdbcAuthorityLines(jdbc);
    }

    @Bean
    SecurityProblems securityProblems(Problems problems, LocaleResolver locales) {
        return new SecurityProblems(problems, locales);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiDescription(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The meters, for a system administrator or a Prometheus with the scrape token: never open,
     * as they name schools' activity and the system's inner workings.
     */
    @Bean
    @Order(1)
    SecurityFilterChain metricsScrape(HttpSecurity http, TokenAuthentication tokens, SecurityProblems problems,
            @Value("${motsach.metrics.scrape-token:}") String scrapeToken) throws Exception {
        return http.securityMatcher(MetricsScrape.PATH)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasAnyAuthority("ROLE_" + Role.SYSTEM_ADMIN.name(), MetricsScrape.AUTHORITY))
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(new MetricsScrape(scrapeToken, tokens))
                        .authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AccessRules rules, TokenAuthentication tokens, SecurityProblems problems,
            SecuritySettings settings, ObjectProvider<AuthorityLines> authorityLines) throws Exception {
        AuthorityLines authorities = authorityLines.getIfAvailable(() -> authority -> Optional.empty());
        return http
                .csrf(csrf -> csrf.disable())
                .cors(config -> config.configurationSource(cors(settings)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests
                        // the error page answers for a request already decided: its problem detail, not a second refusal
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/v1/**").access(new ApiAccess(rules, authorities))
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.SYSTEM_ADMIN.name()))
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * Spring Security's firewall, letting an encoded slash through: barcodes may contain
     * {@code /}, sent as {@code %2F} in a path. {@link AccessRules} and Spring MVC match on the
     * undecoded path, so it stays inside its segment.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    /** Front-ends on the configured origins may call the API from a browser. */
    private static CorsConfigurationSource cors(SecuritySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader("X-Event-Position");
        cors.addExposedHeader("Retry-After");
        cors.addExposedHeader("X-Request-Id");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
