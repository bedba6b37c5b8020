package vn.motsach.query.interop;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A liên thông group's figures for a school year (August to July), between its members as they are
 * now: inter-library loans requested in the year and how many of them were fulfilled (the copy
 * received by the borrowing library), the median days from request to receipt ({@code null}
 * before any was fulfilled), rotations sent in the year, their copies, and the loans of those
 * copies at the receiving libraries' desks.
 */
record GroupFiguresView(String groupId, String name, String schoolYear, int interlibraryLoansRequested,
        int interlibraryLoansFulfilled, @Nullable BigDecimal medianDaysToFulfil, int rotations, int copiesRotated,
        int loansOfRotatedCopies) {
}
