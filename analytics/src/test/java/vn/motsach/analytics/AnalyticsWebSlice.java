package vn.motsach.analytics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;
import vn.motsach.infra.security.SecurityAutoConfiguration;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.infra.web.WebAutoConfiguration;
import vn.motsach.testing.TestTokens;

/**
 * A test of the analytics HTTP mapping: the named controllers with the edge every side
 * shares (request records, problem details in both languages, the request limits) and the real
 * security (tokens, the side's {@link AnalyticsAccessRules}), without the streams: the test gives
 * each controller's collaborators as {@code @MockitoBean}s, as a slice is for. Security stays
 * real because a route's access rule and its parameters meet in the path ({@code schoolId}): a
 * slice without it would not show which of the two answers a request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ImportAutoConfiguration({TimeAutoConfiguration.class, WebAutoConfiguration.class, SecurityAutoConfiguration.class})
@Import(AnalyticsAccessRules.class)
@TestPropertySource(properties = "motsach.security.jwt-secret=" + TestTokens.SECRET)
public @interface AnalyticsWebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
