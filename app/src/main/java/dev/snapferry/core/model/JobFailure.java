package dev.snapferry.core.model;

import java.util.Objects;

/**
 * Why a job failed: a message key for Snapferry's own explanation, AWS's error code, and AWS's message verbatim.
 */
public record JobFailure(String messageKey, String awsCode, String awsMessage) {

    public JobFailure {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(awsCode, "awsCode");
        Objects.requireNonNull(awsMessage, "awsMessage");
    }
}
