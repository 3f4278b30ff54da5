package dev.snapferry.sim.http;

import dev.snapferry.sim.Caller;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One authenticated request: who sent it ({@link Caller}, whose region comes from the signature), and what it
 * carries. Header names are lower case.
 */
public record SimRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, String body,
                         Caller caller, String requestId) {

    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public Map<String, List<String>> query() {
        return FormParams.parseQuery(rawQuery);
    }

    public FormParams form() {
        return FormParams.parse(body);
    }
}
