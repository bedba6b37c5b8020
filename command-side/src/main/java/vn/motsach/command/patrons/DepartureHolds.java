package vn.motsach.command.patrons;

import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;

/**
 * What a departure does to the patron's holds, in the departure's own unit of work: the
 * circulation desk cancels them (as events), so the hold queue moves on to the next patron.
 */
public interface DepartureHolds {

    void cancelOpenHolds(SchoolId school, PatronId patron);
}
