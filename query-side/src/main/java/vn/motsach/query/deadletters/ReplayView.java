package vn.motsach.query.deadletters;

import java.util.List;

/**
 * What a replay did.
 *
 * @param applied how many parked events were applied and left the queue
 * @param remaining the events still parked for the projections and schools replayed
 */
record ReplayView(long applied, List<DeadLetterView> remaining) {
}
