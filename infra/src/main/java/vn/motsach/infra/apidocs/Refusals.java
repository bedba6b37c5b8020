package vn.motsach.infra.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an operation can answer besides the ones every operation shares (invalid
 * input, no token, no access, a reused idempotency key), grouped by status. The OpenAPI document
 * lists them as the {@code code} values of each error answer; a code that no problem bundle knows
 * stops the document from being built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refusals {

    /** 404: the thing named does not exist. */
    String[] notFound() default {};

    /** 409: the current state refuses the request (a circulation rule). */
    String[] conflict() default {};

    /** 403 beyond the common {@code FORBIDDEN}. */
    String[] forbidden() default {};

    /** 401 beyond the common {@code UNAUTHENTICATED} (signing in with a wrong password). */
    String[] unauthorized() default {};

    /** 429: too many attempts; try again after {@code Retry-After}. */
    String[] tooManyRequests() default {};

    /** 503: the answer is not available yet; try again after {@code Retry-After}. */
    String[] unavailable() default {};
}
