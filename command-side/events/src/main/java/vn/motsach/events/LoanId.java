package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One loan of one copy to one patron, from checkout to return. Created by the server. */
public record LoanId(@JsonValue UUID value) {

    public LoanId {
        Objects.requireNonNull(value, "LoanId");
    }

    @JsonCreator
    public static LoanId of(UUID value) {
        return new LoanId(value);
    }

    public static LoanId parse(String value) {
        return new LoanId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
