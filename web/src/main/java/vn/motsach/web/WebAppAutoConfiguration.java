package vn.motsach.web;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The web app, served by the process that serves the API (the local all-in-one): its built files
 * under {@code static/}, open to everyone (the pages ask for a token only when they call the API),
 * and the app's own paths answered with its {@code index.html}, so that a deep link such as a
 * label's QR code opens the right page.
 */
@AutoConfiguration(afterName = "vn.motsach.infra.security.SecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAppAutoConfiguration {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    /**
     * The app's pages and files need no token; they run only the app's own scripts and styles,
     * call only this origin, and are never framed.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webApp(HttpSecurity http) throws Exception {
        return http.securityMatcher(WebAppRoutes.matcher())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /**
     * The app's pages by their own paths (history routing): each answers with {@code index.html},
     * never cached, so that a new build's bundles are picked up on the next visit.
     */
    @Bean
    RouterFunction<ServerResponse> webAppPages() {
        Resource index = new ClassPathResource("static/index.html");
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String page : WebAppRoutes.PAGES) {
            routes.GET(page, request -> ServerResponse.ok().cacheControl(CacheControl.noCache())
                    .contentType(HTML).body(index));
        }
        // the offline desk's service worker: asked again on every visit, so a new build's worker
        // (and the cache it names) replaces the old one; its scope is /desk, below its own path
        Resource deskWorker = new ClassPathResource("static/desk-sw.js");
        routes.GET("/desk-sw.js", request -> ServerResponse.ok().cacheControl(CacheControl.noCache())
                .contentType(JAVASCRIPT).body(deskWorker));
        return routes.build();
    }
}
