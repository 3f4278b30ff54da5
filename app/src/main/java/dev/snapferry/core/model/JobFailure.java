package dev.snapferry.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a job failed: a message key for Snapferry's own explanation with the values it names ({@code args}), and
 * AWS's error code and message verbatim (both empty when the failure is not AWS's answer). The core carries codes
 * and data; the words come from the UI's message bundle.
 */
public record JobFailure(String messageKey, String awsCode, String awsMessage, List<String> args) {

    public JobFailure(String messageKey, String awsCode, String awsMessage, @Nullable List<String> args) {
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.awsCode = Objects.requireNonNull(awsCode, "awsCode");
        this.awsMessage = Objects.requireNonNull(awsMessage, "awsMessage");
        // Histories written before the field existed have none.
        this.args = args == null ? List.of() : List.copyOf(args);
    }

    /** A failure AWS answered, worded by {@code messageKey} alone. */
    public JobFailure(String messageKey, String awsCode, String awsMessage) {
        this(messageKey, awsCode, awsMessage, List.of());
    }

    /** A failure Snapferry found itself: no AWS code or message, only its own words with these values. */
    public static JobFailure of(String messageKey, String... args) {
        return new JobFailure(messageKey, "", "", List.of(args));
    }
}
