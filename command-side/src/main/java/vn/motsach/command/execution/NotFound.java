package vn.motsach.command.execution;

import java.util.Map;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/**
 * A command for an aggregate that does not exist: the refusal follows from the aggregate's
 * kind, which is the prefix of its id ({@code copy:<school>:<barcode>}).
 */
final class NotFound {

    private static final Map<String, RefusalCode> BY_KIND = Map.of(
            "school", RefusalCode.SCHOOL_NOT_FOUND,
            "class", RefusalCode.CLASS_NOT_FOUND,
            "patron", RefusalCode.PATRON_NOT_FOUND,
            "title", RefusalCode.TITLE_NOT_FOUND,
            "copy", RefusalCode.COPY_NOT_FOUND,
            "reading-event", RefusalCode.READING_EVENT_NOT_FOUND,
            "reading-target", RefusalCode.READING_TARGET_NOT_FOUND,
            "stocktake", RefusalCode.STOCKTAKE_NOT_FOUND,
            "desk-exception", RefusalCode.DESK_EXCEPTION_NOT_FOUND);

    private NotFound() {
    }

    static Refused refusal(String aggregateId) {
        String kind = aggregateId.substring(0, Math.max(aggregateId.indexOf(':'), 0));
        RefusalCode code = BY_KIND.get(kind);
        if (code == null) {
            throw new IllegalStateException("No refusal for a missing aggregate " + aggregateId);
        }
        return new Refused(code, aggregateId.substring(aggregateId.lastIndexOf(':') + 1));
    }
}
