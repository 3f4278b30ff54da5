package dev.snapferry.core.audit;

import org.jspecify.annotations.Nullable;

/**
 * A required tag a snapshot lacks ({@code value} null) or carries with a value its pattern refuses.
 *
 * @param allowedValues the rule's pattern, empty when any value is allowed
 */
public record TagViolation(String key, @Nullable String value, String allowedValues) {

    public boolean missing() {
        return value == null;
    }

    /** "lacks Owner" or "Environment=prod does not match production|staging". */
    public String describe() {
        return value == null ? "lacks " + key : key + "=" + value + " does not match " + allowedValues;
    }
}
