package vn.motsach.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape version of a published event. Raise it when a stored event changes shape and add
 * an upcaster; consumers read it from the envelope. Our own annotation keeps the contract free
 * of Axon: the event store's revision resolver reads this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    String value();
}
