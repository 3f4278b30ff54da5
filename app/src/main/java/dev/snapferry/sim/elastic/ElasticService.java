package dev.snapferry.sim.elastic;

import static dev.snapferry.sim.elastic.ElasticJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.Protocol;
import dev.snapferry.sim.http.ServiceHandler;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Amazon DocumentDB Elastic clusters over REST-JSON (signing name {@code docdb-elastic}): snapshot listing,
 * details, copy, create and delete, cluster listing, and tags. Routing follows the service's HTTP bindings.
 */
public final class ElasticService implements ServiceHandler {

    private final ElasticSnapshots snapshots;

    public ElasticService(SimContext ctx) {
        this.snapshots = new ElasticSnapshots(ctx);
    }

    @Override
    public String signingName() {
        return "docdb-elastic";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    /**
     * Each route ({@code method resource [{arn}] [action]}) and the operation it is in the service model (botocore
     * docdb-elastic 2022-11-28 service-2.json, each operation's {@code http.method} and {@code requestUri}).
     */
    private static final Map<String, String> OPERATIONS = Map.of(
            "GET cluster-snapshots", "ListClusterSnapshots",
            "GET cluster-snapshot {arn}", "GetClusterSnapshot",
            "POST cluster-snapshot {arn} copy", "CopyClusterSnapshot",
            "POST cluster-snapshot", "CreateClusterSnapshot",
            "DELETE cluster-snapshot {arn}", "DeleteClusterSnapshot",
            "GET clusters", "ListClusters",
            "GET tags {arn}", "ListTagsForResource",
            "POST tags {arn}", "TagResource",
            "DELETE tags {arn}", "UntagResource");

    @Override
    public String operation(SimRequest request) {
        return OPERATIONS.getOrDefault(route(request), "");
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String[] parts = request.path().split("/");
        Map<String, List<String>> query = request.query();
        String arn = parts.length > 2 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : "";
        ObjectNode reply = switch (OPERATIONS.getOrDefault(route(request), "")) {
            case "ListClusterSnapshots" -> snapshots.list(request.caller(), query);
            case "GetClusterSnapshot" -> snapshots.get(request.caller(), arn);
            case "CopyClusterSnapshot" -> snapshots.copy(request.caller(), arn, body(request));
            case "CreateClusterSnapshot" -> snapshots.create(request.caller(), body(request));
            case "DeleteClusterSnapshot" -> snapshots.delete(request.caller(), arn);
            case "ListClusters" -> snapshots.clusters(request.caller(), query);
            case "ListTagsForResource" -> snapshots.tags(request.caller(), arn);
            case "TagResource" -> snapshots.tag(request.caller(), arn, body(request));
            case "UntagResource" -> snapshots.untag(request.caller(), arn,
                    query.getOrDefault("tagKeys", List.of()));
            default -> throw new SimException("UnknownOperationException", 404,
                    "No operation matches " + request.method() + " " + request.path());
        };
        return SimResponse.json(200, "application/json", reply.toString());
    }

    /** The request's route: its method, resource, whether it names an ARN ({@code {arn}}) and any action after it. */
    private static String route(SimRequest request) {
        String[] parts = request.path().split("/");
        String resource = parts.length > 1 ? parts[1] : "";
        // Only the operations on an ARN ({arn} in the key) read arn.
        boolean hasArn = parts.length > 2;
        String action = parts.length > 3 ? parts[3] : null;
        return request.method() + " " + resource + (hasArn ? " {arn}" : "") + (action == null ? "" : " " + action);
    }

    private static JsonNode body(SimRequest request) {
        try {
            return request.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            throw new SimException("ValidationException", 400, "The request body is not valid JSON.");
        }
    }
}
