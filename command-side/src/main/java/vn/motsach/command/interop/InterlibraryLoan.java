package vn.motsach.command.interop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.interop.InterlibraryLoanRefused;
import vn.motsach.events.interop.InterlibraryLoanRequested;
import vn.motsach.events.interop.InterlibraryLoanShipped;

/**
 * An inter-library loan request: asked at the reader's library, answered once by the lending
 * library, with a copy or a refusal. A request answered twice (two desks, a retry) is refused the
 * second time: one request, one copy. Where the copy then goes is the copy's own stream's business.
 */
@Aggregate
class InterlibraryLoan {

    @AggregateIdentifier
    private String id;
    private InterlibraryLoanId requestId;
    private SchoolId borrowingSchool;
    private SchoolId lendingSchool;
    private TitleId titleId;
    private Answer answer;
    private Barcode barcode;

    InterlibraryLoan() {
        // for Axon
    }

    InterlibraryLoan(InterlibraryLoanRequested requested) {
        apply(requested);
    }

    /** In the borrowing school's streams, as the request's events are that school's. */
    static String aggregateId(SchoolId borrowingSchool, InterlibraryLoanId requestId) {
        return "interlibrary-loan:" + borrowingSchool.value() + ":" + requestId.value();
    }

    SchoolId borrowingSchool() {
        return borrowingSchool;
    }

    SchoolId lendingSchool() {
        return lendingSchool;
    }

    TitleId titleId() {
        return titleId;
    }

    /** The copy shipped, or null before. */
    Barcode barcode() {
        return barcode;
    }

    InterlibraryLoanShipped ship(Barcode copy, Instant now) {
        refuseWhenAnswered();
        InterlibraryLoanShipped shipped = new InterlibraryLoanShipped(borrowingSchool, requestId, lendingSchool, copy, now);
        apply(shipped);
        return shipped;
    }

    void refuse(String reason, Instant now) {
        refuseWhenAnswered();
        apply(new InterlibraryLoanRefused(borrowingSchool, requestId, lendingSchool, reason, now));
    }

    /** A step that needs the copy shipped. */
    void refuseWhenNotShipped() {
        if (answer != Answer.SHIPPED) {
            throw new Refused(RefusalCode.WRONG_STATE, requestId.toString(), answer == null ? "REQUESTED" : answer.name());
        }
    }

    private void refuseWhenAnswered() {
        if (answer != null) {
            throw new Refused(RefusalCode.WRONG_STATE, requestId.toString(), answer.name());
        }
    }

    @EventSourcingHandler
    void on(InterlibraryLoanRequested event) {
        id = aggregateId(event.schoolId(), event.requestId());
        requestId = event.requestId();
        borrowingSchool = event.schoolId();
        lendingSchool = event.lendingSchoolId();
        titleId = event.titleId();
    }

    @EventSourcingHandler
    void on(InterlibraryLoanShipped event) {
        answer = Answer.SHIPPED;
        barcode = event.barcode();
    }

    @EventSourcingHandler
    void on(InterlibraryLoanRefused event) {
        answer = Answer.REFUSED;
    }

    private enum Answer {
        SHIPPED,
        REFUSED
    }
}
