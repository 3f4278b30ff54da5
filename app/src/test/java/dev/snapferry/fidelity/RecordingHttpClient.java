package dev.snapferry.fidelity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An {@link SdkHttpClient} that hands every request to a real one and keeps a copy of each reply: status, headers
 * and body, with the request that caused it. The SDK client above it reads the reply exactly as it would have, so
 * whatever the test checks is what the app's SDK clients were given. Nothing in the simulator is touched.
 */
final class RecordingHttpClient implements SdkHttpClient {

    /**
     * One request and its reply.
     *
     * @param scenario    what the test was doing, for reports
     * @param userAgent   the SDK's User-Agent, which names the client's service ({@code api/RDS#...})
     * @param target      the {@code X-Amz-Target} header (AWS JSON 1.1), or null
     * @param requestBody the request body as text (AWS Query's form parameters), or empty
     */
    record Exchange(String scenario, String method, String path, String userAgent, String target,
                    String requestBody, int status, Map<String, List<String>> headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final SdkHttpClient delegate;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile String scenario = "";

    RecordingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** Names what the following calls are for, until the next call of this. */
    void scenario(String name) {
        scenario = name;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest call = delegate.prepareRequest(request);
        String label = scenario;
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = call.call();
                Optional<AbortableInputStream> stream = response.responseBody();
                byte[] bytes;
                if (stream.isPresent()) {
                    try (InputStream in = stream.get()) {
                        bytes = in.readAllBytes();
                    }
                } else {
                    bytes = new byte[0];
                }
                record(label, request, response, bytes);
                return HttpExecuteResponse.builder().response(response.httpResponse())
                        .responseBody(stream.isPresent()
                                ? AbortableInputStream.create(new ByteArrayInputStream(bytes)) : null)
                        .build();
            }

            @Override
            public void abort() {
                call.abort();
            }
        };
    }

    private void record(String label, HttpExecuteRequest request, HttpExecuteResponse response, byte[] bytes)
            throws IOException {
        SdkHttpRequest http = request.httpRequest();
        String requestBody = "";
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.httpResponse().headers().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        exchanges.add(new Exchange(label, http.method().name(), http.encodedPath(),
                http.firstMatchingHeader("User-Agent").orElse(""), http.firstMatchingHeader("X-Amz-Target")
                .orElse(null), requestBody, response.httpResponse().statusCode(), headers, bytes));
    }

    @Override
    public String clientName() {
        return "Recording(" + delegate.clientName() + ")";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
