package vn.motsach.query.interop;

import java.util.List;
import vn.motsach.events.interop.Sharing;

/** A liên thông group: its authority, what its members share, and its member schools. */
record InteropGroupView(String groupId, String authorityId, String name, Sharing sharing, List<Member> schools) {

    record Member(String schoolId, String name) {
    }
}
