package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One library period (tiết đọc thư viện) of a class. Created by the server. */
public record PeriodId(@JsonValue UUID value) {

    public PeriodId {
        Objects.requireNonNull(value, "PeriodId");
    }

    @JsonCreator
    public static PeriodId of(UUID value) {
        return new PeriodId(value);
    }

    public static PeriodId parse(String value) {
        return new PeriodId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
