package dev.snapferry.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.SimException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns a {@link SimException} into the error reply each protocol's SDK parses into the right exception. */
public final class ErrorRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorRenderer() {
    }

    public static SimResponse render(SimException error, Protocol protocol, String xmlNamespace, String requestId) {
        return switch (protocol) {
            case QUERY -> {
                Xml xml = new Xml().open("ErrorResponse", xmlNamespace).open("Error")
                        .leaf("Type", error.isSenderFault() ? "Sender" : "Receiver")
                        .leaf("Code", error.code())
                        .leaf("Message", error.getMessage())
                        .close("Error").leaf("RequestId", requestId).close("ErrorResponse");
                yield new SimResponse(error.status(), "text/xml", bytes(xml.toString()),
                        Map.of("x-amzn-RequestId", requestId));
            }
            case JSON_11 -> {
                ObjectNode body = JSON.createObjectNode().put("__type", error.code()).put("message", error.getMessage());
                yield new SimResponse(error.status(), "application/x-amz-json-1.1", bytes(body.toString()),
                        Map.of("x-amzn-RequestId", requestId));
            }
            case REST_JSON -> {
                ObjectNode body = JSON.createObjectNode().put("message", error.getMessage());
                error.extra().forEach((key, value) -> body.set(key, JSON.valueToTree(value)));
                yield new SimResponse(error.status(), "application/json", bytes(body.toString()),
                        Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
