package dev.snapferry.sim;

/**
 * The identity behind a request: the account its access key belongs to, the principal ARN that
 * {@code GetCallerIdentity} returns, and the region and service from the signature's credential scope.
 */
public record Caller(String accountId, String principalArn, String userId, String accessKey, String region,
                     String service) {
}
