package vn.motsach.query.deadletters;

import java.util.List;

/** Every parked event, by projection, school and order. */
record DeadLettersView(List<DeadLetterView> items, long totalItems) {

    static DeadLettersView of(List<DeadLetterView> items) {
        return new DeadLettersView(items, items.size());
    }
}
