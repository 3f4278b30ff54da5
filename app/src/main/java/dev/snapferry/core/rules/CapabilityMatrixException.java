package dev.snapferry.core.rules;

/** The capability matrix could not be read; the message names the file and the offending field. */
public final class CapabilityMatrixException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CapabilityMatrixException(String message) {
        super(message);
    }

    public CapabilityMatrixException(String message, Throwable cause) {
        super(message, cause);
    }
}
