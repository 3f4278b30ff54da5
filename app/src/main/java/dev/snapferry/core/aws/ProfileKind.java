package dev.snapferry.core.aws;

/** Where a profile's credentials come from, as the AWS CLI and SDKs read the shared config files. */
public enum ProfileKind {
    /** {@code aws_access_key_id} / {@code aws_secret_access_key} (and maybe a session token). */
    STATIC_KEYS,
    /** {@code role_arn} with {@code source_profile} (or {@code credential_source}); maybe {@code mfa_serial}. */
    ASSUME_ROLE,
    /** IAM Identity Center: {@code sso_session} or the legacy {@code sso_start_url}, with account and role. */
    SSO,
    /** {@code credential_process}: an external command prints the credentials. */
    CREDENTIAL_PROCESS,
    /** {@code AWS_ACCESS_KEY_ID} and friends in the environment. */
    ENVIRONMENT,
    /** A profile section with none of the above (region or output settings only). */
    NO_CREDENTIALS
}
