package vn.motsach.query.loans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The students of a year's graduating grades who still hold books: the librarian's first
 * follow-up at the year's end. {@code students} counts them; each holds their open loans;
 * {@code grades} null when asked for the students the rollover graduated.
 */
public record GraduateLoansView(String schoolYear, @Nullable List<Integer> grades, int students, List<Graduate> items) {

    /** A graduate (or a student about to graduate) with the class they leave from and what they still hold. */
    public record Graduate(String patronId, String fullName, String classId, String className, List<HeldCopy> loans) {

        /** The same graduate holding {@code held}. */
        Graduate holding(List<HeldCopy> held) {
            return new Graduate(patronId, fullName, classId, className, List.copyOf(held));
        }
    }

    /** An open loan: the copy's barcode, its title as the catalogue has it now, when it is due. */
    public record HeldCopy(UUID loanId, String barcode, String title, LocalDate dueOn, boolean overdue) {
    }
}
