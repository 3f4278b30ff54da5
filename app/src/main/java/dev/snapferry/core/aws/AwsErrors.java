package dev.snapferry.core.aws;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Maps whatever the SDK throws to an {@link AwsFailure}. Never throws itself. */
public final class AwsErrors {

    private static final Set<String> NOT_FOUND = Set.of("DBClusterSnapshotNotFoundFault", "DBClusterNotFoundFault",
            "ResourceNotFoundException", "NotFoundException", "DBClusterSnapshotNotFound", "DBClusterNotFound");
    private static final Set<String> ALREADY_EXISTS = Set.of("DBClusterSnapshotAlreadyExistsFault",
            "AlreadyExistsException");
    private static final Set<String> INVALID_STATE = Set.of("InvalidDBClusterSnapshotStateFault",
            "InvalidDBClusterStateFault", "KMSInvalidStateException", "DisabledException");
    private static final Set<String> KMS = Set.of("KMSKeyNotAccessibleFault");
    private static final Set<String> QUOTA = Set.of("SnapshotQuotaExceeded", "SnapshotQuotaExceededFault",
            "ServiceQuotaExceededException", "SharedSnapshotQuotaExceeded", "LimitExceededException");
    private static final Set<String> INVALID_PARAMETER = Set.of("InvalidParameterValue", "InvalidParameterCombination",
            "ValidationException", "ValidationError", "MissingParameter", "InvalidParameter", "MalformedQueryString",
            "SerializationException");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
            "TooManyRequestsException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "NotAuthorizedException");
    /** UnauthorizedException is IAM Identity Center's answer to a sign-in it no longer accepts. */
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired", "UnauthorizedException");
    private static final Set<String> INVALID_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
            "MissingAuthenticationTokenException", "AuthFailure", "InvalidAccessKeyId");

    private AwsErrors() {
    }

    public static AwsFailure map(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AwsCallException mapped) {
            // Already mapped, then rethrown through a Future or a CompletableFuture.
            return mapped.failure();
        }
        if (e instanceof CredentialsUnavailableException missing) {
            String message = missing.getMessage() == null ? "" : missing.getMessage();
            return missing.expired() ? new AwsFailure.CredentialsExpired("", message)
                    : new AwsFailure.CredentialsInvalid("", message);
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null ? ""
                    : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? String.valueOf(service.getMessage()) : service.awsErrorDetails().errorMessage();
            return byCode(code, message, service.statusCode(), service.isThrottlingException());
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new AwsFailure.Network("", String.valueOf(e.getMessage()));
        }
        if (e instanceof SdkClientException client) {
            if (hasCause(client, IOException.class)) {
                return new AwsFailure.Network("", rootMessage(client));
            }
            String text = String.valueOf(client.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("unable to load credentials") || text.contains("credentials")
                    && text.contains("unable")) {
                return new AwsFailure.CredentialsInvalid("", String.valueOf(client.getMessage()));
            }
            return new AwsFailure.Unknown("", String.valueOf(client.getMessage()));
        }
        if (e instanceof IOException) {
            return new AwsFailure.Network("", String.valueOf(e.getMessage()));
        }
        return new AwsFailure.Unknown("", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** The failure an AWS error code (as kept in a job's history) stands for. */
    public static AwsFailure fromCode(String code, String message) {
        return byCode(code, message, 400, false);
    }

    static AwsFailure byCode(String code, String message, int status, boolean throttling) {
        if (THROTTLED.contains(code) || throttling || status == 429) {
            return new AwsFailure.Throttled(code, message);
        }
        if (NOT_FOUND.contains(code)) {
            return new AwsFailure.NotFound(code, message);
        }
        if (ALREADY_EXISTS.contains(code)) {
            return new AwsFailure.AlreadyExists(code, message);
        }
        if (code.equals("ConflictException")) {
            // DocumentDB Elastic uses one code for a taken name and for a resource in the wrong state.
            return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("already exists")
                    ? new AwsFailure.AlreadyExists(code, message) : new AwsFailure.InvalidState(code, message);
        }
        if (INVALID_STATE.contains(code)) {
            return new AwsFailure.InvalidState(code, message);
        }
        if (KMS.contains(code)) {
            return new AwsFailure.KmsKeyNotAccessible(code, message);
        }
        if (QUOTA.contains(code)) {
            return new AwsFailure.QuotaExceeded(code, message);
        }
        if (INVALID_PARAMETER.contains(code)) {
            return new AwsFailure.InvalidParameter(code, message);
        }
        if (DENIED.contains(code)) {
            return new AwsFailure.AccessDenied(code, message);
        }
        if (EXPIRED.contains(code)) {
            return new AwsFailure.CredentialsExpired(code, message);
        }
        if (INVALID_CREDENTIALS.contains(code)) {
            return new AwsFailure.CredentialsInvalid(code, message);
        }
        if (status >= 500) {
            return new AwsFailure.ServiceError(code, message);
        }
        return new AwsFailure.Unknown(code, message);
    }

    /**
     * A rejected token in one region, when the same credentials were accepted elsewhere, means the region is not
     * enabled for the account (AWS answers calls to an opt-in region it has not enabled that way).
     */
    public static AwsFailure inRegionOfVerifiedAccount(AwsFailure failure) {
        if (failure instanceof AwsFailure.CredentialsInvalid invalid && !invalid.awsCode().isEmpty()) {
            return new AwsFailure.RegionUnavailable(invalid.awsCode(), invalid.awsMessage());
        }
        return failure;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        // A cause chain can loop (initCause allows it): each throwable is looked at once.
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = e; c != null && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Throwable root = e;
        seen.add(root);
        while (root.getCause() != null && seen.add(root.getCause())) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
