package dev.snapferry.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own controls, under {@value #PREFIX} on the same loopback endpoint, for tests and demos that run
 * it as a separate process: {@code GET/PUT faults}, {@code POST clock/advance?seconds=N} (manual clock only),
 * {@code GET accounts} (the demo credentials), {@code GET requests} (how many AWS API calls it has answered, for
 * benchmarks that count calls) and {@code GET health}.
 */
final class ControlEndpoint {

    static final String PREFIX = "/_sim/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimContext context;
    private final java.util.function.LongSupplier serviceRequests;

    ControlEndpoint(SimContext context, java.util.function.LongSupplier serviceRequests) {
        this.context = context;
        this.serviceRequests = serviceRequests;
    }

    SimResponse handle(HttpExchange exchange) throws IOException {
        String what = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        try {
            return switch (method + " " + what) {
                case "GET health" -> ok(JSON.createObjectNode().put("status", "ok"));
                case "GET faults" -> ok(JSON.valueToTree(context.faults().settings()));
                case "PUT faults" -> {
                    FaultSettings next = JSON.readValue(exchange.getRequestBody(), FaultSettings.class);
                    context.faults().set(next);
                    yield ok(JSON.valueToTree(next));
                }
                case "POST clock/advance" -> advance(exchange.getRequestURI().getRawQuery());
                case "GET accounts" -> accounts();
                case "GET requests" -> ok(JSON.createObjectNode().put("count", serviceRequests.getAsLong()));
                default -> problem(404, "no control " + method + " " + what);
            };
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            // DateTimeException and ArithmeticException: an advance beyond the last representable instant.
            return problem(400, "bad control request: " + e.getMessage());
        }
    }

    private SimResponse advance(String query) {
        if (!(context.clock() instanceof SimClock.Manual manual)) {
            return problem(409, "the clock is not manual; start the simulator with a manual clock to step it");
        }
        Map<String, List<String>> params = FormParams.parseQuery(query);
        long seconds = Long.parseLong(params.getOrDefault("seconds", List.of("0")).getFirst());
        manual.advance(Duration.ofSeconds(seconds));
        return ok(JSON.createObjectNode().put("now", context.clock().now().toString()));
    }

    private SimResponse accounts() {
        ArrayNode list = JSON.createArrayNode();
        for (String account : context.identities().accounts()) {
            ObjectNode node = list.addObject().put("accountId", account);
            context.identities().firstUserOf(account).ifPresent(u -> node
                    .put("accessKeyId", u.accessKey()).put("secretAccessKey", u.secretKey())
                    .put("userName", u.userName()));
        }
        return ok(list);
    }

    private static SimResponse ok(com.fasterxml.jackson.databind.JsonNode body) {
        return SimResponse.json(200, "application/json", body.toString());
    }

    private static SimResponse problem(int status, String message) {
        return SimResponse.json(status, "application/json",
                JSON.createObjectNode().put("message", message).toString());
    }
}
