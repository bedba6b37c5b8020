package vn.motsach.events.circulation;

import java.util.Optional;
import vn.motsach.events.Barcode;
import vn.motsach.events.SchoolId;

/**
 * The stream of a copy's events, named by its owner and its barcode: the one place that knows the
 * form of its id. A circulation event names the desk that lent or took back the copy, which for a
 * partner's copy (liên thông) is not its owner, and the desk may number a copy of its own alike;
 * the stream tells whose copy it was.
 */
public final class CopyStream {

    private static final String PREFIX = "copy:";

    private CopyStream() {
    }

    public static String id(SchoolId owner, Barcode barcode) {
        return PREFIX + owner.value() + ":" + barcode.value();
    }

    /** The library that owns the copy of this stream: the school in its id, which has no colon; empty for another stream. */
    public static Optional<SchoolId> ownerOf(String streamId) {
        int end = streamId == null || !streamId.startsWith(PREFIX) ? -1 : streamId.indexOf(':', PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(SchoolId.of(streamId.substring(PREFIX.length(), end)));
    }
}
