package dev.snapferry.core.aws;

/**
 * Why a call to AWS failed, in Snapferry's terms: a closed set the UI can switch over, each with the message key
 * of Snapferry's own explanation, and AWS's error code and message verbatim (empty when AWS never answered).
 */
public sealed interface AwsFailure {

    String awsCode();

    String awsMessage();

    /** The {@code messages.properties} key that explains this kind of failure and what to do. */
    String messageKey();

    /** True when trying again later may succeed without the user changing anything. */
    default boolean transientFailure() {
        return false;
    }

    record NotFound(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.notFound";
        }
    }

    record AlreadyExists(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.alreadyExists";
        }
    }

    record InvalidState(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.invalidState";
        }
    }

    record KmsKeyNotAccessible(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.kmsNotAccessible";
        }
    }

    record QuotaExceeded(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.quotaExceeded";
        }
    }

    record InvalidParameter(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.invalidParameter";
        }
    }

    record Throttled(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.throttled";
        }

        @Override
        public boolean transientFailure() {
            return true;
        }
    }

    record AccessDenied(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.accessDenied";
        }
    }

    /** Temporary credentials (a session or an SSO token) have expired: sign in again. */
    record CredentialsExpired(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.credentialsExpired";
        }
    }

    /** No credentials, or AWS does not recognise them. */
    record CredentialsInvalid(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.credentialsInvalid";
        }
    }

    /** The region is not enabled for the account, or unreachable for it, while other regions work. */
    record RegionUnavailable(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.regionUnavailable";
        }
    }

    /** AWS was not reached or did not answer in time. */
    record Network(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.network";
        }

        @Override
        public boolean transientFailure() {
            return true;
        }
    }

    /** AWS answered with a server error. */
    record ServiceError(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.service";
        }

        @Override
        public boolean transientFailure() {
            return true;
        }
    }

    record Unknown(String awsCode, String awsMessage) implements AwsFailure {
        public String messageKey() {
            return "aws.error.unknown";
        }
    }
}
