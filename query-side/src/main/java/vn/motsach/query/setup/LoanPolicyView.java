package vn.motsach.query.setup;

/** How a patron category borrows; {@code setBySchool} is false while the contract's default applies. */
record LoanPolicyView(String category, int loanDays, int maxLoans, int maxRenewals, int holdPickupDays,
        boolean setBySchool) {
}
