package vn.motsach.events;

/**
 * An event that carries personal data (a person's name). The event store keeps it whole, for the
 * command and query sides; the events topic, read by integrations and analytics, gets it
 * without: ids, classes and categories are all a consumer there needs.
 */
public interface CarriesPersonalData {

    /** The same event with every personal field left empty, as it is published. */
    SchoolEvent withoutPersonalData();
}
