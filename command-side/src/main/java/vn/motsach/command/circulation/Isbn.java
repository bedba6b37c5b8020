package vn.motsach.command.circulation;

import java.util.Optional;

/** ISBN-10 and ISBN-13, checked by their check digit and kept without hyphens or spaces. */
final class Isbn {

    private Isbn() {
    }

    static Optional<String> normalise(String typed) {
        String isbn = typed.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (isbn.matches("\\d{13}") && isbn13CheckHolds(isbn)) {
            return Optional.of(isbn);
        }
        if (isbn.matches("\\d{9}[\\dX]") && isbn10CheckHolds(isbn)) {
            return Optional.of(isbn);
        }
        return Optional.empty();
    }

    private static boolean isbn13CheckHolds(String isbn) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    private static boolean isbn10CheckHolds(String isbn) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = isbn.charAt(i) == 'X' ? 10 : isbn.charAt(i) - '0';
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }
}
