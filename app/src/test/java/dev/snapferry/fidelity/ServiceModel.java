package dev.snapferry.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One AWS service's published API model ({@code service-2.json}), as botocore ships it: operations, their output
 * shapes and declared errors, and every shape. Read with Jackson; nothing here knows the simulator.
 */
final class ServiceModel {

    /** Where Debian's {@code awscli} package puts botocore's models. */
    static final Path DEBIAN_AWSCLI_DATA = Path.of("/usr/lib/python3/dist-packages/awscli/botocore/data");

    /** The services Snapferry calls, by botocore's directory name. */
    static final List<String> SERVICES = List.of("rds", "docdb", "neptune", "docdb-elastic", "kms", "sts");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final String version;
    private final JsonNode root;

    private ServiceModel(String service, String version, JsonNode root) {
        this.service = service;
        this.version = version;
        this.root = root;
    }

    /**
     * Every model Snapferry needs, from {@code dataDir}. Fails, never skips, when one is missing: a fidelity check
     * that passes because it checked nothing would be worse than none.
     */
    static Map<String, ServiceModel> loadAll(Path dataDir) {
        Map<String, ServiceModel> models = new LinkedHashMap<>();
        for (String service : SERVICES) {
            models.put(service, load(dataDir, service));
        }
        return models;
    }

    static ServiceModel load(Path dataDir, String service) {
        Path serviceDir = dataDir.resolve(service);
        List<Path> versions;
        try (Stream<Path> children = Files.isDirectory(serviceDir) ? Files.list(serviceDir) : Stream.empty()) {
            versions = children.filter(p -> Files.isRegularFile(p.resolve("service-2.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("No AWS service model for '" + service + "' under " + dataDir
                    + " (expected " + serviceDir + "/<api-version>/service-2.json). Install Debian's awscli package "
                    + "(sudo apt-get install awscli), which ships botocore's models there; CI's .ci/run installs it.");
        }
        Path file = versions.getLast().resolve("service-2.json");
        try {
            return new ServiceModel(service, versions.getLast().getFileName().toString(), JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AWS model " + file, e);
        }
    }

    /** A model from JSON text, for the validator's own tests. */
    static ServiceModel parse(String service, String json) {
        try {
            return new ServiceModel(service, "test", JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This model with one member of one structure removed, and one member's type changed to {@code boolean}: a
     * deliberately wrong expectation, to show that the check fails on a real reply when model and reply disagree.
     */
    ServiceModel tampered(String shape, String removedMember, String booleanMember) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = root.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode members =
                (com.fasterxml.jackson.databind.node.ObjectNode) copy.path("shapes").path(shape).path("members");
        members.remove(removedMember);
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("shapes")).putObject("TamperedBoolean")
                .put("type", "boolean");
        ((com.fasterxml.jackson.databind.node.ObjectNode) members.path(booleanMember)).put("shape",
                "TamperedBoolean");
        return new ServiceModel(service, version + "-tampered", copy);
    }

    String service() {
        return service;
    }

    String version() {
        return version;
    }

    /** {@code query}, {@code json} or {@code rest-json}. */
    String protocol() {
        return root.path("metadata").path("protocol").asText();
    }

    String xmlNamespace() {
        return root.path("metadata").path("xmlNamespace").asText("");
    }

    /** The model's serviceId, as the SDK puts it in its User-Agent ({@code api/<serviceId>#version}). */
    String serviceId() {
        return root.path("metadata").path("serviceId").asText();
    }

    Optional<JsonNode> operation(String name) {
        JsonNode op = root.path("operations").path(name);
        return op.isMissingNode() ? Optional.empty() : Optional.of(op);
    }

    List<String> operationNames() {
        List<String> names = new ArrayList<>();
        root.path("operations").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode shape(String name) {
        JsonNode shape = root.path("shapes").path(name);
        if (shape.isMissingNode()) {
            throw new IllegalStateException(service + " model has no shape " + name);
        }
        return shape;
    }

    /** The error code a declared error shape stands for: its {@code error.code}, or else the shape's name. */
    String errorCode(String shapeName) {
        return shape(shapeName).path("error").path("code").asText(shapeName);
    }

    /** The operation's declared errors, by the code they carry on the wire, each with its shape name. */
    Map<String, String> declaredErrors(String operation) {
        Map<String, String> byCode = new LinkedHashMap<>();
        operation(operation).ifPresent(op -> op.path("errors").forEach(e -> {
            String shape = e.path("shape").asText();
            byCode.put(errorCode(shape), shape);
        }));
        return byCode;
    }

    /**
     * Every (structure, member) pair reachable from the operation's output, as {@code Shape.member}: what a reply
     * could carry, for coverage.
     */
    Set<String> outputMembers(String operation) {
        Set<String> members = new LinkedHashSet<>();
        operation(operation).map(op -> op.path("output").path("shape").asText(null))
                .ifPresent(shape -> collectMembers(shape, members, new LinkedHashSet<>()));
        return members;
    }

    private void collectMembers(String shapeName, Set<String> members, Set<String> visited) {
        if (!visited.add(shapeName)) {
            return;
        }
        JsonNode shape = shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> shape.path("members").fields().forEachRemaining(m -> {
                if (!m.getValue().has("location")) {
                    members.add(shapeName + "." + m.getKey());
                }
                collectMembers(m.getValue().path("shape").asText(), members, visited);
            });
            case "list" -> collectMembers(shape.path("member").path("shape").asText(), members, visited);
            case "map" -> collectMembers(shape.path("value").path("shape").asText(), members, visited);
            default -> { }
        }
    }
}
