package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A copy's số đăng ký cá biệt (accession number), used as its barcode. */
public record Barcode(@JsonValue String value) {

    public Barcode {
        LocalId.check("Barcode", value);
    }

    @JsonCreator
    public static Barcode of(String value) {
        return new Barcode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
