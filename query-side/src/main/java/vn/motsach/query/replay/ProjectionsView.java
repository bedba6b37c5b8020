package vn.motsach.query.replay;

import java.util.List;

/** Every projection with the tables it owns and its distance to the head of the event store, and the last rebuild. */
record ProjectionsView(List<ProjectionView> items, long head, RebuildStatus rebuild) {

    record ProjectionView(String name, List<String> tables, long position, long lag) {
    }
}
