package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One inter-library loan request, from the reader's own library asking to the owner's receipt of the copy back. Created by the server. */
public record InterlibraryLoanId(@JsonValue UUID value) {

    public InterlibraryLoanId {
        Objects.requireNonNull(value, "InterlibraryLoanId");
    }

    @JsonCreator
    public static InterlibraryLoanId of(UUID value) {
        return new InterlibraryLoanId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
