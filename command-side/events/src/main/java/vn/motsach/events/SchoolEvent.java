package vn.motsach.events;

/**
 * Every published event belongs to exactly one school: the school is the Kafka key and the
 * unit of ordering, so no consumer ever needs a lookup to route an event.
 */
public interface SchoolEvent {

    SchoolId schoolId();
}
