package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One stocktake (kiểm kê) of a school library. Created by the server. */
public record StocktakeId(@JsonValue UUID value) {

    public StocktakeId {
        Objects.requireNonNull(value, "StocktakeId");
    }

    @JsonCreator
    public static StocktakeId of(UUID value) {
        return new StocktakeId(value);
    }

    public static StocktakeId parse(String value) {
        return new StocktakeId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
