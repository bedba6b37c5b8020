package vn.motsach.events.interop;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.SchoolId;

/**
 * Events of a liên thông group. A group belongs to an authority and spans schools, so these are
 * not a school's events: they stay in the event store for the views that read them and are not
 * published to the schools' Kafka partitions.
 */
public sealed interface InteropGroupEvent permits InteropGroupFormed, InteropGroupChanged {

    InteropGroupId groupId();

    AuthorityId authorityId();

    String name();

    Sharing sharing();

    List<SchoolId> schoolIds();
}
