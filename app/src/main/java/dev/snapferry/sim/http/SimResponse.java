package dev.snapferry.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A reply ready to send. */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public SimResponse {
        headers = Map.copyOf(headers);
    }

    public static SimResponse xml(String xml) {
        return new SimResponse(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static SimResponse json(int status, String contentType, String json) {
        return new SimResponse(status, contentType, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
