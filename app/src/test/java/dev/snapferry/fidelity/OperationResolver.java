package dev.snapferry.fidelity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which service model and operation a recorded exchange belongs to, from the request alone: the service from the
 * SDK's User-Agent ({@code api/<serviceId>#<version>}, so a DocumentDB client's call is checked against the docdb
 * model although it is signed for {@code rds}), the operation from the Query {@code Action}, the JSON
 * {@code X-Amz-Target}, or the REST-JSON method and path matched against the model's request URIs.
 */
final class OperationResolver {

    record Resolved(ServiceModel model, String operation) {
    }

    private static final Pattern API = Pattern.compile("(?:^|\\s)api/([^#\\s]+)#");

    private final Map<String, ServiceModel> models;

    OperationResolver(Map<String, ServiceModel> models) {
        this.models = models;
    }

    Optional<Resolved> resolve(RecordingHttpClient.Exchange e) {
        Matcher m = API.matcher(e.userAgent());
        if (!m.find()) {
            return Optional.empty();
        }
        String id = normalize(m.group(1));
        ServiceModel model = models.values().stream().filter(s -> normalize(s.serviceId()).equals(id)).findFirst()
                .orElse(null);
        if (model == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (model.protocol()) {
            case "query" -> formParameter(e.requestBody(), "Action");
            case "json" -> e.target() == null ? null : e.target().substring(e.target().indexOf('.') + 1);
            case "rest-json" -> restOperation(model, e.method(), e.path()) != null
                    ? restOperation(model, e.method(), e.path()) : newerOperation(model, e.method(), e.path());
            default -> null;
        }).map(op -> new Resolved(model, op));
    }

    private static String normalize(String serviceId) {
        return serviceId.replace("_", "").replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String formParameter(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The REST-JSON operation whose method and request URI template match; {@code {label}} matches one path
     * segment, {@code {label+}} the rest. Operations the model lacks (newer than it) cannot match: the caller
     * names them from the path instead.
     */
    static String restOperation(ServiceModel model, String method, String path) {
        for (String name : model.operationNames()) {
            var http = model.operation(name).orElseThrow().path("http");
            if (matches(http.path("method").asText(), http.path("requestUri").asText(), method, path)) {
                return name;
            }
        }
        return null;
    }

    private static String newerOperation(ServiceModel model, String method, String path) {
        return NewerOperations.STAND_INS.stream().filter(s -> s.service().equals(model.service())
                && matches(s.method(), s.requestUri(), method, path)).map(NewerOperations.StandIn::operation)
                .findFirst().orElse(null);
    }

    private static boolean matches(String templateMethod, String requestUri, String method, String path) {
        if (!templateMethod.equals(method)) {
            return false;
        }
        int q = requestUri.indexOf('?');
        String template = q >= 0 ? requestUri.substring(0, q) : requestUri;
        String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+\\+}", "\\\\E.+\\\\Q")
                .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "/?$";
        return path.matches(regex);
    }
}
