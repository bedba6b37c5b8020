package vn.motsach.command;

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
import vn.motsach.command.web.CommandWebConfiguration;
import vn.motsach.infra.security.SecurityAutoConfiguration;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.infra.web.WebAutoConfiguration;
import vn.motsach.testing.TestTokens;

/**
 * A test of the command side's HTTP mapping: the named controllers with the edge every side
 * shares (request records and bodies, problem details in both languages, the request limits, the
 * idempotency key's check), the command side's own web edge ({@link CommandWebConfiguration}:
 * event positions, idempotent answers) and the real security (tokens, the side's
 * {@link CommandAccessRules}), without Axon or the database: the test gives the
 * {@code CommandExecutor} and any other collaborator as {@code @MockitoBean}s, as a slice is for.
 * Security stays real because a route's access rule and its parameters meet in the path
 * ({@code schoolId}): a slice without it would not show which of the two answers a request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ImportAutoConfiguration({TimeAutoConfiguration.class, WebAutoConfiguration.class, SecurityAutoConfiguration.class})
@Import({CommandAccessRules.class, CommandWebConfiguration.class})
@TestPropertySource(properties = "motsach.security.jwt-secret=" + TestTokens.SECRET)
public @interface CommandWebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
