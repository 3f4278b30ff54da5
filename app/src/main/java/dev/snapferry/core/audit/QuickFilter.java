package dev.snapferry.core.audit;

/** The audit questions the browser answers with one click; several together mean all of them. */
public enum QuickFilter {
    UNENCRYPTED,
    /** Encrypted with an AWS managed key ({@code alias/aws/...}): cannot be shared with other accounts. */
    AWS_MANAGED_KEY,
    MISSING_REQUIRED_TAGS,
    /** Shared with this account by another one, or public. */
    SHARED_OR_PUBLIC,
    /** Creating, copying or queued. */
    IN_PROGRESS
}
