package dev.snapferry.sim.faults;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every call of one service (by its SigV4 signing name: {@code rds}, {@code docdb-elastic}, {@code kms},
 * {@code sts}), or of one of its operations, fails the same way: with a server error or throttled. This is how an
 * AWS-compatible endpoint that answers the RDS family but fails one Elastic operation looks to the app.
 *
 * @param operation the operation's name in the service model ({@code ListClusterSnapshots}); null for all of them
 */
public record ServiceFault(String service, @Nullable String operation, Kind kind) {

    public enum Kind {
        /** HTTP 500 with the service's internal-error code. */
        ERROR,
        /** The service's throttling code, as when the account's rate is used up. */
        THROTTLE
    }

    public ServiceFault {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        if (service.isBlank() || operation != null && operation.isBlank()) {
            throw new IllegalArgumentException("a service fault needs a service, and an operation that is not blank");
        }
    }

    boolean matches(String signingName, String op) {
        return service.equals(signingName) && (operation == null || operation.equals(op));
    }

    /** Reads {@code service=kind} or {@code service:Operation=kind}, kind being {@code error} or {@code throttle}. */
    static ServiceFault parse(String text) {
        int equals = text.lastIndexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new IllegalArgumentException("expected service[:Operation]=error|throttle, got " + text);
        }
        String target = text.substring(0, equals).strip();
        Kind kind = switch (text.substring(equals + 1).strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Kind.ERROR;
            case "throttle" -> Kind.THROTTLE;
            default -> throw new IllegalArgumentException("a service fault is error or throttle, not "
                    + text.substring(equals + 1));
        };
        int colon = target.indexOf(':');
        return colon < 0 ? new ServiceFault(target, null, kind)
                : new ServiceFault(target.substring(0, colon), target.substring(colon + 1), kind);
    }
}
