package dev.snapferry.core.model;

import java.util.Objects;

/** A resource tag. The RDS family sends a list of these; DocumentDB Elastic a key-to-value map. */
public record Tag(String key, String value) {

    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
