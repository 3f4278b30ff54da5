package dev.snapferry.fidelity;

import java.util.Map;
import java.util.Set;

/**
 * Error codes every operation of a protocol may answer with although no operation's {@code errors} list in the
 * model names them: AWS documents them once per API reference ("Common Errors") because they come from the
 * front end (authentication, authorisation, throttling, request parsing), not from the operation. An error reply
 * whose code is neither declared by its operation nor listed here fails the check. Each entry says why it is here.
 */
final class CommonErrors {

    /** AWS Query (RDS, DocumentDB, Neptune, STS). */
    static final Map<String, String> QUERY = Map.ofEntries(
            Map.entry("AccessDenied", "IAM refused the call (the code RDS and STS answer an explicit or implicit deny with)"),
            Map.entry("AccessDeniedException", "the same refusal as the Common Errors page spells it"),
            Map.entry("IncompleteSignature", "the request's SigV4 signature is malformed"),
            Map.entry("InternalFailure", "an unknown server error (HTTP 500)"),
            Map.entry("InvalidAction", "the Action parameter names no operation"),
            Map.entry("InvalidClientTokenId", "the access key is unknown (also how a region the account has not "
                    + "enabled answers)"),
            Map.entry("ExpiredToken", "temporary credentials past their expiry (Query spelling)"),
            Map.entry("InvalidParameterCombination", "parameters that may not be used together"),
            Map.entry("InvalidParameterValue", "a parameter value out of range or malformed"),
            Map.entry("InvalidQueryParameter", "a query string that does not parse as parameters"),
            Map.entry("MalformedQueryString", "a query string with invalid characters"),
            Map.entry("MissingAction", "no Action parameter"),
            Map.entry("MissingAuthenticationToken", "an unsigned request"),
            Map.entry("MissingParameter", "a required parameter is absent"),
            Map.entry("NotAuthorized", "not authorised for the action"),
            Map.entry("OptInRequired", "the account has not subscribed to the service"),
            Map.entry("RequestExpired", "the request's date is too far from the server's clock"),
            Map.entry("ServiceUnavailable", "a transient server failure (HTTP 503)"),
            Map.entry("SignatureDoesNotMatch", "the signature does not match the secret key"),
            Map.entry("Throttling", "rate exceeded (the code RDS answers throttled calls with)"),
            Map.entry("ThrottlingException", "rate exceeded, as the Common Errors page spells it"),
            Map.entry("ValidationError", "input fails a constraint (STS and IAM's spelling)"));

    /** AWS JSON 1.1 (KMS) and REST-JSON (DocumentDB Elastic). */
    static final Map<String, String> JSON = Map.ofEntries(
            Map.entry("AccessDeniedException", "IAM refused the call"),
            Map.entry("ExpiredTokenException", "temporary credentials past their expiry (JSON spelling)"),
            Map.entry("IncompleteSignatureException", "the request's SigV4 signature is malformed"),
            Map.entry("InternalFailure", "an unknown server error (HTTP 500)"),
            Map.entry("InvalidSignatureException", "the signature does not match the secret key"),
            Map.entry("MissingAuthenticationTokenException", "an unsigned request"),
            Map.entry("RequestExpired", "the request's date is too far from the server's clock"),
            Map.entry("SerializationException", "a body that does not deserialise into the input shape"),
            Map.entry("ServiceUnavailable", "a transient server failure (HTTP 503)"),
            Map.entry("ThrottlingException", "rate exceeded"),
            Map.entry("UnknownOperationException", "the X-Amz-Target names no operation"),
            Map.entry("UnrecognizedClientException", "the access key is unknown (JSON spelling of "
                    + "InvalidClientTokenId)"),
            Map.entry("ValidationException", "input fails a constraint of the input shape"));

    private CommonErrors() {
    }

    static Set<String> forProtocol(String protocol) {
        return protocol.equals("query") ? QUERY.keySet() : JSON.keySet();
    }
}
