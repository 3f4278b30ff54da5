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

    @Override
    public SimResponse handle(SimRequest request) {
        String[] parts = request.path().split("/");
        String method = request.method();
        Map<String, List<String>> query = request.query();
        String resource = parts.length > 1 ? parts[1] : "";
        // Only the operations on an ARN ({arn} in the key below) read arn.
        boolean hasArn = parts.length > 2;
        String arn = hasArn ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : "";
        String action = parts.length > 3 ? parts[3] : null;
        ObjectNode reply = switch (method + " " + resource + (hasArn ? " {arn}" : "")
                + (action == null ? "" : " " + action)) {
            case "GET cluster-snapshots" -> snapshots.list(request.caller(), query);
            case "GET cluster-snapshot {arn}" -> snapshots.get(request.caller(), arn);
            case "POST cluster-snapshot {arn} copy" -> snapshots.copy(request.caller(), arn, body(request));
            case "POST cluster-snapshot" -> snapshots.create(request.caller(), body(request));
            case "DELETE cluster-snapshot {arn}" -> snapshots.delete(request.caller(), arn);
            case "GET clusters" -> snapshots.clusters(request.caller(), query);
            case "GET tags {arn}" -> snapshots.tags(request.caller(), arn);
            case "POST tags {arn}" -> snapshots.tag(request.caller(), arn, body(request));
            case "DELETE tags {arn}" -> snapshots.untag(request.caller(), arn,
                    query.getOrDefault("tagKeys", List.of()));
            default -> throw new SimException("UnknownOperationException", 404,
                    "No operation matches " + method + " " + request.path());
        };
        return SimResponse.json(200, "application/json", reply.toString());
    }

    private static JsonNode body(SimRequest request) {
        try {
            return request.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            throw new SimException("ValidationException", 400, "The request body is not valid JSON.");
        }
    }
}
