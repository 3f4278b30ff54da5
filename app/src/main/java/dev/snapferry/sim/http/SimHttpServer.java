package dev.snapferry.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP endpoint on 127.0.0.1. It authenticates each request from its SigV4 credential scope,
 * applies the configured faults, hands it to the service named by the scope, and renders every failure the way
 * that service's protocol does, so the SDK raises the exception AWS would cause. It never crashes on a request.
 */
public final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimHttpServer.class);
    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
    private static final String IDLE_INTERVAL_SECONDS = "sun.net.httpserver.idleInterval";

    static {
        // The JDK server leaves Nagle's algorithm on. Its response head and body then go out as two writes, and the
        // second waits for the client's delayed acknowledgement of the first: 40 ms added to most calls on Linux,
        // more than AWS's own latency to a nearby region. Read once, when the server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK server keeps at most 200 idle keep-alive connections; past that it closes a connection right
        // after its reply, without a "Connection: close" header. The client (the SDK's Apache pool, which only
        // checks a connection idle for over 2 s) sends its next request on that socket and gets no answer:
        // "NoHttpResponseException: The target server failed to respond". Clients that each hold a connection
        // (a test stepping the clock with a new java.net.http client per call, the AWS CLI, several app
        // processes) reach 200 within seconds. AWS never drops a kept-alive connection that way, so neither does
        // the simulator: no cap on idle connections (each is closed when its client closes it, or after the idle
        // interval), and an idle interval longer than the clients' own (java.net.http 30 s, the SDK's Apache
        // pool 60 s), so the client, which knows, is the one that retires an idle connection.
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, String.valueOf(Integer.MAX_VALUE));
        }
        if (System.getProperty(IDLE_INTERVAL_SECONDS) == null) {
            System.setProperty(IDLE_INTERVAL_SECONDS, "120");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SimContext context;
    private final Map<String, ServiceHandler> services = new LinkedHashMap<>();
    private final ControlEndpoint control;
    private final java.util.concurrent.atomic.AtomicLong serviceRequests = new java.util.concurrent.atomic.AtomicLong();
    private final SsoPortal ssoPortal;

    public SimHttpServer(int port, SimContext context, List<ServiceHandler> handlers) throws IOException {
        this.context = context;
        handlers.forEach(h -> services.put(h.signingName(), h));
        this.control = new ControlEndpoint(context, serviceRequests::get);
        this.ssoPortal = new SsoPortal(context);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** AWS API calls answered so far (refusals for throttling and faults not counted). */
    public long serviceRequests() {
        return serviceRequests.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(ControlEndpoint.PREFIX)) {
                send(exchange, control.handle(exchange));
                return;
            }
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            Protocol guessed = guessProtocol(headers);
            String bearerToken = first(headers, "x-amz-sso_bearer_token");
            if (path.equals(SsoPortal.PATH) && bearerToken != null) {
                try {
                    send(exchange, ssoPortal.handle(exchange.getRequestURI().getRawQuery(), bearerToken));
                } catch (SimException e) {
                    send(exchange, ErrorRenderer.render(e, Protocol.REST_JSON, "", requestId));
                }
                return;
            }
            SigV4Scope scope = SigV4Scope.fromAuthorization(first(headers, "authorization")).orElse(null);
            if (scope == null) {
                send(exchange, ErrorRenderer.render(missingAuthentication(guessed), guessed, "", requestId));
                return;
            }
            ServiceHandler service = services.get(scope.service());
            if (service == null) {
                send(exchange, ErrorRenderer.render(new SimException("UnrecognizedService", 400,
                        "The service " + scope.service() + " is not simulated"), guessed, "", requestId));
                return;
            }
            try {
                if (!applyFaultsBeforeService(scope, service)) {
                    // A region that is down: close without a reply, as an unreachable endpoint would.
                    return;
                }
                Caller caller = context.identities().authenticate(scope.accessKey(),
                        first(headers, "x-amz-security-token"), scope.region(), scope.service(),
                        context.clock().now(), service.protocol() != Protocol.QUERY);
                applyFaultsForCaller(caller, service);
                SimRequest request = new SimRequest(exchange.getRequestMethod(), path,
                        exchange.getRequestURI().getRawQuery(), headers,
                        new String(bytes, StandardCharsets.UTF_8), caller, requestId);
                applyServiceFaults(service, request);
                serviceRequests.incrementAndGet();
                send(exchange, service.handle(request));
            } catch (SimException e) {
                send(exchange, ErrorRenderer.render(e, service.protocol(), service.xmlNamespace(), requestId));
            } catch (RuntimeException e) {
                LOG.error("Simulator failed on {} {}", exchange.getRequestMethod(), path, e);
                send(exchange, ErrorRenderer.render(serverError(service.protocol()), service.protocol(),
                        service.xmlNamespace(), requestId));
            }
        }
    }

    /** Latency and region-wide faults; false means the region is down and the connection must be dropped. */
    private boolean applyFaultsBeforeService(SigV4Scope scope, ServiceHandler service) {
        FaultSettings faults = context.faults().settings();
        if (faults.latencyMillis() > 0) {
            try {
                Thread.sleep(faults.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return !faults.downRegions().contains(scope.region());
    }

    private void applyFaultsForCaller(Caller caller, ServiceHandler service) {
        FaultSettings faults = context.faults().settings();
        Protocol protocol = service.protocol();
        if (faults.isDisabled(caller.accountId(), caller.region())) {
            // AWS answers calls to an opt-in region the account has not enabled as if the key were unknown there.
            throw Identities.invalidToken(protocol != Protocol.QUERY);
        }
        if (faults.isDenied(caller.accountId(), service.signingName())) {
            String message = "User: " + caller.principalArn() + " is not authorized to perform: "
                    + service.signingName() + ":* with an explicit deny in an identity-based policy";
            throw switch (protocol) {
                case QUERY -> new SimException("AccessDenied", 403, message);
                case JSON_11 -> new SimException("AccessDeniedException", 400, message);
                case REST_JSON -> new SimException("AccessDeniedException", 403, message);
            };
        }
        if (!context.faults().tryAcquire(caller.accountId(), caller.region(), System.nanoTime())) {
            throw throttled(protocol);
        }
        if (context.faults().rollServerError()) {
            throw serverError(protocol);
        }
    }

    /** Faults aimed at the request's service or operation ({@link dev.snapferry.sim.faults.ServiceFault}). */
    private void applyServiceFaults(ServiceHandler service, SimRequest request) {
        FaultSettings faults = context.faults().settings();
        if (faults.serviceFaults().isEmpty()) {
            return;
        }
        faults.serviceFault(service.signingName(), service.operation(request)).ifPresent(fault -> {
            throw switch (fault.kind()) {
                case ERROR -> serverError(service.protocol());
                case THROTTLE -> throttled(service.protocol());
            };
        });
    }

    private static SimException throttled(Protocol protocol) {
        return switch (protocol) {
            case QUERY -> new SimException("Throttling", 400, "Rate exceeded");
            case JSON_11 -> new SimException("ThrottlingException", 400, "Rate exceeded");
            case REST_JSON -> new SimException("ThrottlingException", 429, "Rate exceeded");
        };
    }

    private static SimException serverError(Protocol protocol) {
        return switch (protocol) {
            case QUERY -> new SimException("InternalFailure", 500,
                    "The request processing has failed because of an unknown error, exception or failure.");
            case JSON_11 -> new SimException("KMSInternalException", 500, "An internal error occurred.");
            case REST_JSON -> new SimException("InternalServerException", 500, "An internal error occurred.");
        };
    }

    private static SimException missingAuthentication(Protocol protocol) {
        return protocol == Protocol.QUERY
                ? new SimException("MissingAuthenticationToken", 403, "Request is missing Authentication Token")
                : new SimException("MissingAuthenticationTokenException", 403,
                        "Missing Authentication Token");
    }

    private static Protocol guessProtocol(Map<String, List<String>> headers) {
        if (first(headers, "x-amz-target") != null) {
            return Protocol.JSON_11;
        }
        String type = first(headers, "content-type");
        return type != null && type.startsWith("application/x-www-form-urlencoded") ? Protocol.QUERY
                : Protocol.REST_JSON;
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static void send(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
