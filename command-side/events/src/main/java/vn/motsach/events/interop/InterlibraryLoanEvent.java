package vn.motsach.events.interop;

import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;

/**
 * The steps of an inter-library loan request that are the request's own: asked, refused, or
 * answered with a copy. Each names both schools; {@code schoolId} is the borrowing school, where
 * the reader asked (Decree 93/2020 Art 27), so a request's events stay in one school's order.
 * The copy's journey after the shipment is the copy's own ({@link CopyLocationEvent}).
 */
public sealed interface InterlibraryLoanEvent extends SchoolEvent
        permits InterlibraryLoanRequested, InterlibraryLoanRefused, InterlibraryLoanShipped {

    InterlibraryLoanId requestId();

    SchoolId lendingSchoolId();
}
