package dev.snapferry.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A snapshot's status as shown to the user: the folded {@link SnapshotState}, the percentage of the estimated data
 * transferred (0..100), and AWS's raw status text, kept verbatim for display and diagnostics.
 */
public record SnapshotStatus(SnapshotState state, int percent, String raw) {

    public SnapshotStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raw, "raw");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
    }

    public static SnapshotStatus available() {
        return new SnapshotStatus(SnapshotState.AVAILABLE, 100, "available");
    }

    /**
     * Folds an RDS-family {@code Status} and {@code PercentProgress}. A {@code copying} snapshot at 0 % is
     * {@link SnapshotState#QUEUED}: AWS queues cross-region copies and reports no progress until they start.
     */
    public static SnapshotStatus fromRds(String status, Integer percentProgress) {
        String raw = status == null ? "" : status.strip();
        int percent = clamp(percentProgress == null ? 0 : percentProgress);
        SnapshotState state = switch (raw.toLowerCase(Locale.ROOT)) {
            case "available" -> SnapshotState.AVAILABLE;
            case "creating" -> SnapshotState.CREATING;
            case "copying" -> percent == 0 ? SnapshotState.QUEUED : SnapshotState.COPYING;
            case "deleting" -> SnapshotState.DELETING;
            case "failed", "incompatible-restore", "incompatible-parameters", "error" -> SnapshotState.FAILED;
            default -> SnapshotState.OTHER;
        };
        if (state == SnapshotState.AVAILABLE) {
            percent = 100;
        }
        return new SnapshotStatus(state, percent, raw);
    }

    /**
     * Folds a DocumentDB Elastic snapshot {@code status}. That API reports no percentage, so in-progress states
     * carry 0 and the UI shows an indeterminate bar.
     */
    public static SnapshotStatus fromElastic(String status) {
        String raw = status == null ? "" : status.strip();
        SnapshotState state = switch (raw.toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> SnapshotState.AVAILABLE;
            case "CREATING" -> SnapshotState.CREATING;
            case "COPYING" -> SnapshotState.COPYING;
            case "DELETING" -> SnapshotState.DELETING;
            case "INACCESSIBLE_ENCRYPTION_CREDS", "INACCESSIBLE_ENCRYPTION_CREDENTIALS_RECOVERABLE",
                 "INACCESSIBLE_SECRET_ARN", "INACCESSIBLE_VPC_ENDPOINT", "INCOMPATIBLE_NETWORK",
                 "INVALID_SECURITY_GROUP_ID", "INVALID_SUBNET_ID", "VPC_ENDPOINT_LIMIT_EXCEEDED",
                 "IP_ADDRESS_LIMIT_EXCEEDED" -> SnapshotState.FAILED;
            default -> SnapshotState.OTHER;
        };
        return new SnapshotStatus(state, state == SnapshotState.AVAILABLE ? 100 : 0, raw);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }
}
