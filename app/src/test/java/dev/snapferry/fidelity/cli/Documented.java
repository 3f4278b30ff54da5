package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What AWS documents an operation may answer. The first source is the operation's declared errors in the service
 * model the CLI itself ships (botocore {@code service-2.json}: the API reference's "Errors" section in
 * machine-readable form); then each API reference's "Common Errors" page, which applies to every operation of the
 * service. A refusal the simulator gives that neither names must be listed in {@link KnownDifferences}.
 */
final class Documented {

    /**
     * Common errors of the Query-protocol services: Amazon RDS API Reference, "Common Errors"
     * (docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html); the DocumentDB and Neptune API
     * references carry the same page. InvalidParameterValue: "An invalid or out-of-range value was supplied for the
     * input parameter"; InvalidParameterCombination: "Parameters that must not be used together were used
     * together"; MissingParameter: "A required parameter for the specified action is not supplied".
     */
    static final Set<String> RDS_COMMON = Set.of("InvalidParameterValue", "InvalidParameterCombination",
            "MissingParameter", "AccessDeniedException", "ThrottlingException", "ValidationError");

    /**
     * AWS KMS API Reference, "Common Errors" (docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html):
     * AccessDeniedException (400), ThrottlingException, ValidationError ("The input fails to satisfy the
     * constraints specified by an AWS service", 400).
     */
    static final Set<String> KMS_COMMON = Set.of("AccessDeniedException", "ThrottlingException", "ValidationError");

    /**
     * AWS STS: an AssumeRole the role's trust policy does not allow is answered AccessDenied, as the IAM User Guide
     * shows it ("Troubleshooting IAM roles": "An error occurred (AccessDenied) when calling the AssumeRole
     * operation: User: ... is not authorized to perform: sts:AssumeRole on resource: ..."); the same code for a
     * failed MFA check (IAM User Guide, "Configuring MFA-protected API access").
     */
    static final Set<String> STS_COMMON = Set.of("AccessDenied", "ValidationError");

    /**
     * DocumentDB Elastic's declared errors are per operation; its "Common Errors" page adds the generic ones
     * (Amazon DocumentDB Developer Guide, Elastic Clusters API, Common Errors).
     */
    static final Set<String> ELASTIC_COMMON = Set.of("AccessDeniedException", "ThrottlingException",
            "ValidationError");

    private static final Map<String, JsonNode> MODELS = new ConcurrentHashMap<>();

    private Documented() {
    }

    /** The service's model as this CLI parses replies with it (the newest API version it ships). */
    static JsonNode model(String service) {
        return MODELS.computeIfAbsent(service, s -> {
            Path dir = AwsCli.MODELS.resolve(s);
            try (Stream<Path> versions = Files.list(dir)) {
                Path newest = versions.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
                return AwsCli.JSON.readTree(newest.resolve("service-2.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("no botocore model for " + s + " under " + AwsCli.MODELS, e);
            }
        });
    }

    static boolean hasOperation(String service, String operation) {
        return model(service).path("operations").has(operation);
    }

    /** The error codes the model declares for the operation (each shape's {@code error.code}, else its name). */
    static Set<String> declared(String service, String operation) {
        JsonNode model = model(service);
        JsonNode op = model.path("operations").path(operation);
        assertThat(op.isMissingNode()).as("%s %s in the CLI's model", service, operation).isFalse();
        Set<String> codes = new LinkedHashSet<>();
        op.path("errors").forEach(e -> {
            String shape = e.path("shape").asText();
            codes.add(model.path("shapes").path(shape).path("error").path("code").asText(shape));
        });
        return codes;
    }

    static Set<String> common(String service) {
        return switch (service) {
            case "rds", "docdb", "neptune" -> RDS_COMMON;
            case "kms" -> KMS_COMMON;
            case "sts" -> STS_COMMON;
            case "docdb-elastic" -> ELASTIC_COMMON;
            default -> Set.of();
        };
    }

    static boolean documents(String service, String operation, String code) {
        return declared(service, operation).contains(code) || common(service).contains(code);
    }
}
