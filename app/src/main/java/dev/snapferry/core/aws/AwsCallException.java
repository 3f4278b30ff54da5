package dev.snapferry.core.aws;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A call to AWS failed; {@link #failure()} says why in Snapferry's terms. */
public final class AwsCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AwsFailure failure;

    public AwsCallException(AwsFailure failure, @Nullable Throwable cause) {
        super(failure.awsCode().isEmpty() ? failure.awsMessage() : failure.awsCode() + ": " + failure.awsMessage(),
                cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public AwsFailure failure() {
        return failure;
    }

    /** Runs an SDK call and turns whatever it throws into an {@link AwsCallException}. */
    public static <T> T call(java.util.function.Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (AwsCallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AwsCallException(AwsErrors.map(e), e);
        }
    }
}
