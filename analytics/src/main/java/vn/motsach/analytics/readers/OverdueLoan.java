package vn.motsach.analytics.readers;

import java.time.LocalDate;

/** A student's loan past its due date and not yet back. */
public record OverdueLoan(String loanId, String patronId, String classId, LocalDate overdueSince) {
}
