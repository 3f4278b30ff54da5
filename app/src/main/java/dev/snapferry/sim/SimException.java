package dev.snapferry.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error the simulator answers with, in AWS's terms: the error code the SDK maps to an exception class, the HTTP
 * status, and the message. Extra fields go into JSON error bodies (Elastic's {@code resourceId}, ...).
 */
public final class SimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final transient Map<String, Object> extra;

    public SimException(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    public SimException(String code, int status, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.extra = new LinkedHashMap<>(extra);
    }

    public String code() {
        return code;
    }

    @Override
    public String getMessage() {
        // Every constructor takes a message, so the inherited one is never null.
        return Objects.requireNonNull(super.getMessage());
    }

    public int status() {
        return status;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    /** True for errors the caller's request caused (AWS's "Sender"), false for the service's own ("Receiver"). */
    public boolean isSenderFault() {
        return status < 500;
    }

    public static SimException badRequest(String code, String message) {
        return new SimException(code, 400, message);
    }

    public static SimException notFound(String code, String message) {
        return new SimException(code, 404, message);
    }

    public static SimException invalidParameter(String message) {
        return new SimException("InvalidParameterValue", 400, message);
    }

    public static SimException invalidCombination(String message) {
        return new SimException("InvalidParameterCombination", 400, message);
    }

    public static SimException missingParameter(String name) {
        return new SimException("MissingParameter", 400, "The request must contain the parameter " + name);
    }
}
