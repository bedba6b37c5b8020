package vn.motsach.query.deadletters;

import java.util.List;

/**
 * What a replay did.
 *
 * @param applied how many parked events were applied and left the queue
 * @param remaining how many are still parked, for the projections and schools replayed
 * @param stopped for each school still parked, the event its replay stopped at, with its error
 */
record ReplayView(long applied, long remaining, List<DeadLetterView> stopped) {
}
