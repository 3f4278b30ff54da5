package dev.snapferry.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks one HTTP reply against its operation in a {@link ServiceModel}: for a success, the output shape (element or
 * member names, nesting, list wrappers, scalar types, enums, required members; anything the shape does not have is a
 * violation); for an error, that its code is one the operation declares or a {@link CommonErrors common} one, with
 * the declared HTTP status and fault side, and a body the error shape allows. Written from the wire formats as
 * AWS documents them (AWS Query, AWS JSON 1.1, REST-JSON), not from any SDK's parser.
 */
final class ReplyValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceModel model;
    private final BiConsumer<String, String> seenMember;
    private List<Violation> violations = new ArrayList<>();
    private String operation = "";

    /** {@code seenMember} receives (operation, {@code Shape.member}) for every member a reply carries. */
    ReplyValidator(ServiceModel model, BiConsumer<String, String> seenMember) {
        this.model = model;
        this.seenMember = seenMember;
    }

    ReplyValidator(ServiceModel model) {
        this(model, (o, m) -> { });
    }

    /** Every violation in one reply; empty when it conforms. */
    List<Violation> validate(String operationName, int status, Map<String, List<String>> headers, byte[] body) {
        this.violations = new ArrayList<>();
        this.operation = operationName;
        JsonNode op = model.operation(operationName).orElse(null);
        if (op == null) {
            add("", "unmodelled operation", "an operation of " + model.service() + " " + model.version(),
                    operationName);
            return violations;
        }
        boolean success = status >= 200 && status < 300;
        String protocol = model.protocol();
        try {
            if (success) {
                switch (protocol) {
                    case "query" -> queryOutput(op, body);
                    case "json", "rest-json" -> jsonOutput(op, headers, body);
                    default -> add("", "protocol", "query, json or rest-json", protocol);
                }
            } else {
                switch (protocol) {
                    case "query" -> queryError(status, body);
                    case "json" -> jsonError(status, headers, body, false);
                    case "rest-json" -> jsonError(status, headers, body, true);
                    default -> add("", "protocol", "query, json or rest-json", protocol);
                }
            }
        } catch (SAXException | IOException e) {
            add("", "unparseable body", protocol.equals("query") ? "XML" : "JSON", String.valueOf(e.getMessage()));
        }
        return violations;
    }

    // ---- AWS Query: XML ----

    private void queryOutput(JsonNode op, byte[] body) throws SAXException, IOException {
        Element root = parseXml(body);
        String expectedRoot = operation + "Response";
        if (!root.getLocalName().equals(expectedRoot)) {
            add(root.getLocalName(), "envelope", "root element " + expectedRoot, root.getLocalName());
            return;
        }
        if (!model.xmlNamespace().equals(String.valueOf(root.getNamespaceURI()))) {
            add(expectedRoot, "envelope", "namespace " + model.xmlNamespace(), String.valueOf(root.getNamespaceURI()));
        }
        JsonNode output = op.path("output");
        String resultName = output.isMissingNode() ? null
                : output.path("resultWrapper").asText(operation + "Result");
        boolean sawResult = false;
        boolean sawMetadata = false;
        for (Element child : children(root)) {
            String name = child.getLocalName();
            if (name.equals("ResponseMetadata") && !sawMetadata) {
                sawMetadata = true;
                responseMetadata(child, expectedRoot + "/ResponseMetadata");
            } else if (name.equals(resultName) && !sawResult) {
                sawResult = true;
                xmlStructure(child, output.path("shape").asText(), expectedRoot + "/" + resultName);
            } else {
                add(expectedRoot + "/" + name, "unknown member",
                        resultName == null ? "only ResponseMetadata (the operation has no output)"
                                : resultName + " and ResponseMetadata, once each", name);
            }
        }
        if (resultName != null && !sawResult) {
            add(expectedRoot + "/" + resultName, "envelope", "a " + resultName + " element", "none");
        }
        if (!sawMetadata) {
            add(expectedRoot + "/ResponseMetadata", "envelope", "ResponseMetadata with RequestId", "none");
        }
    }

    private void responseMetadata(Element metadata, String path) {
        boolean requestId = false;
        for (Element child : children(metadata)) {
            if (child.getLocalName().equals("RequestId") && !requestId) {
                requestId = true;
            } else {
                add(path + "/" + child.getLocalName(), "unknown member", "RequestId only", child.getLocalName());
            }
        }
        if (!requestId) {
            add(path + "/RequestId", "missing required member", "RequestId", "none");
        }
    }

    private void xmlStructure(Element element, String shapeName, String path) {
        JsonNode shape = model.shape(shapeName);
        Map<String, String> memberByWireName = new LinkedHashMap<>();
        shape.path("members").fields().forEachRemaining(m -> {
            if (!m.getValue().has("location")) {
                memberByWireName.put(xmlName(m.getKey(), m.getValue()), m.getKey());
            }
        });
        Map<String, Integer> counts = new HashMap<>();
        for (Element child : children(element)) {
            String wire = child.getLocalName();
            String member = memberByWireName.get(wire);
            String childPath = path + "/" + wire;
            if (member == null) {
                addUnknown(childPath, shapeName, memberByWireName.keySet().toString(), wire);
                continue;
            }
            JsonNode memberNode = shape.path("members").path(member);
            JsonNode memberShape = model.shape(memberNode.path("shape").asText());
            boolean flattened = memberShape.path("flattened").asBoolean(false);
            int count = counts.merge(member, 1, Integer::sum);
            if (count > 1 && !flattened) {
                add(childPath, "duplicate member", "at most one " + wire, count + " of them");
                continue;
            }
            seenMember.accept(operation, shapeName + "." + member);
            if (flattened) {
                xmlValue(child, memberShape.path("member").path("shape").asText(), memberNode, childPath);
            } else {
                xmlValue(child, memberNode.path("shape").asText(), memberNode, childPath);
            }
        }
        textOutsideElements(element, path, shapeName);
        shape.path("required").forEach(r -> {
            if (!counts.containsKey(r.asText()) && !shape.path("members").path(r.asText()).has("location")) {
                add(path + "/" + xmlName(r.asText(), shape.path("members").path(r.asText())),
                        "missing required member", "required by " + shapeName, "absent");
            }
        });
    }

    private void xmlValue(Element element, String shapeName, JsonNode memberNode, String path) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> xmlStructure(element, shapeName, path);
            case "list" -> {
                String itemName = shape.path("member").path("locationName").asText("member");
                String itemShape = shape.path("member").path("shape").asText();
                for (Element item : children(element)) {
                    if (!item.getLocalName().equals(itemName)) {
                        add(path + "/" + item.getLocalName(), "list member name",
                                "<" + itemName + "> (" + shapeName + ")", "<" + item.getLocalName() + ">");
                        continue;
                    }
                    xmlValue(item, itemShape, shape.path("member"), path + "/" + itemName);
                }
                textOutsideElements(element, path, shapeName);
            }
            case "map" -> {
                String entry = "entry";
                String keyName = shape.path("key").path("locationName").asText("key");
                String valueName = shape.path("value").path("locationName").asText("value");
                for (Element item : children(element)) {
                    if (!item.getLocalName().equals(entry)) {
                        add(path + "/" + item.getLocalName(), "list member name", "<entry>",
                                "<" + item.getLocalName() + ">");
                        continue;
                    }
                    for (Element part : children(item)) {
                        if (part.getLocalName().equals(keyName)) {
                            xmlValue(part, shape.path("key").path("shape").asText(), shape.path("key"),
                                    path + "/entry/" + keyName);
                        } else if (part.getLocalName().equals(valueName)) {
                            xmlValue(part, shape.path("value").path("shape").asText(), shape.path("value"),
                                    path + "/entry/" + valueName);
                        } else {
                            add(path + "/entry/" + part.getLocalName(), "unknown member", keyName + " or "
                                    + valueName, part.getLocalName());
                        }
                    }
                }
            }
            default -> {
                if (!children(element).isEmpty()) {
                    add(path, "type", type + " (" + shapeName + ") as text",
                            "nested elements " + children(element).stream().map(Element::getLocalName).toList());
                    return;
                }
                scalar(element.getTextContent(), shapeName, shape, memberNode, path, "iso8601");
            }
        }
    }

    private void scalar(String text, String shapeName, JsonNode shape, JsonNode memberNode, String path,
                        String defaultTimestampFormat) {
        String type = shape.path("type").asText();
        switch (type) {
            case "string" -> enumCheck(text, shapeName, shape, path);
            case "integer", "long" -> {
                try {
                    long value = Long.parseLong(text.strip());
                    if (type.equals("integer") && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                        add(path, "type", "a 32-bit integer (" + shapeName + ")", text);
                    }
                } catch (NumberFormatException e) {
                    add(path, "type", type + " (" + shapeName + ")", quote(text));
                }
            }
            case "double", "float" -> {
                try {
                    Double.parseDouble(text.strip());
                } catch (NumberFormatException e) {
                    add(path, "type", type + " (" + shapeName + ")", quote(text));
                }
            }
            case "boolean" -> {
                if (!text.equals("true") && !text.equals("false")) {
                    add(path, "type", "boolean true|false (" + shapeName + ")", quote(text));
                }
            }
            case "timestamp" -> {
                String format = memberNode.path("timestampFormat").asText(
                        shape.path("timestampFormat").asText(defaultTimestampFormat));
                if (!timestamp(text, format)) {
                    add(path, "type", "timestamp, " + format + " (" + shapeName + ")", quote(text));
                }
            }
            case "blob" -> {
                try {
                    Base64.getDecoder().decode(text.strip());
                } catch (IllegalArgumentException e) {
                    add(path, "type", "base64 blob (" + shapeName + ")", quote(text));
                }
            }
            default -> add(path, "type", "a known scalar type", type);
        }
    }

    private void enumCheck(String text, String shapeName, JsonNode shape, String path) {
        if (!shape.has("enum")) {
            return;
        }
        List<String> values = new ArrayList<>();
        shape.path("enum").forEach(v -> values.add(v.asText()));
        if (!values.contains(text)) {
            violations.add(new Violation(model.service(), operation, path, "enum",
                    "one of " + values + " (" + shapeName + ")", quote(text), shapeName));
        }
    }

    private static boolean timestamp(String text, String format) {
        try {
            switch (format) {
                case "iso8601" -> OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                case "rfc822" -> OffsetDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                case "unixTimestamp" -> Double.parseDouble(text.strip());
                default -> {
                    return false;
                }
            }
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    private void queryError(int status, byte[] body) throws SAXException, IOException {
        Element root = parseXml(body);
        if (!root.getLocalName().equals("ErrorResponse")) {
            add(root.getLocalName(), "envelope", "root element ErrorResponse", root.getLocalName());
            return;
        }
        String code = null;
        String type = null;
        boolean sawError = false;
        boolean sawRequestId = false;
        for (Element child : children(root)) {
            switch (child.getLocalName()) {
                case "Error" -> {
                    if (sawError) {
                        add("ErrorResponse/Error", "duplicate member", "one Error", "more");
                    }
                    sawError = true;
                    for (Element part : children(child)) {
                        switch (part.getLocalName()) {
                            case "Code" -> code = part.getTextContent().strip();
                            case "Type" -> type = part.getTextContent().strip();
                            case "Message", "Detail" -> { }
                            default -> add("ErrorResponse/Error/" + part.getLocalName(), "unknown member",
                                    "Type, Code, Message or Detail", part.getLocalName());
                        }
                    }
                }
                case "RequestId" -> sawRequestId = true;
                default -> add("ErrorResponse/" + child.getLocalName(), "unknown member", "Error or RequestId",
                        child.getLocalName());
            }
        }
        if (!sawRequestId) {
            add("ErrorResponse/RequestId", "missing required member", "RequestId", "absent");
        }
        if (code == null) {
            add("ErrorResponse/Error/Code", "missing required member", "an error code", "absent");
            return;
        }
        String shapeName = errorShape(code, "query");
        if (shapeName != null) {
            JsonNode error = model.shape(shapeName).path("error");
            boolean sender = error.path("senderFault").asBoolean(false);
            if (type != null && !type.equals(sender ? "Sender" : "Receiver")) {
                add("ErrorResponse/Error/Type", "error type", sender ? "Sender" : "Receiver", type);
            }
            statusCheck(error, status, code);
        }
    }

    // ---- AWS JSON 1.1 and REST-JSON ----

    private void jsonOutput(JsonNode op, Map<String, List<String>> headers, byte[] body) throws IOException {
        JsonNode output = op.path("output");
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (output.isMissingNode()) {
            if (!text.isEmpty() && !text.equals("{}")) {
                add("", "unknown member", "an empty body (the operation has no output)", abbreviate(text));
            }
            return;
        }
        String shapeName = output.path("shape").asText();
        JsonNode shape = model.shape(shapeName);
        if (shape.has("payload")) {
            String payload = shape.path("payload").asText();
            JsonNode member = shape.path("members").path(payload);
            seenMember.accept(operation, shapeName + "." + payload);
            jsonValue(text.isEmpty() ? JSON.nullNode() : JSON.readTree(text), member.path("shape").asText(), member,
                    payload);
            return;
        }
        JsonNode node = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        jsonStructure(node, shapeName, "", headers);
    }

    private void jsonStructure(JsonNode node, String shapeName, String path, Map<String, List<String>> headers) {
        if (!node.isObject()) {
            add(path, "type", "a JSON object (" + shapeName + ")", node.getNodeType().toString());
            return;
        }
        JsonNode shape = model.shape(shapeName);
        Map<String, String> memberByWireName = new LinkedHashMap<>();
        shape.path("members").fields().forEachRemaining(m -> {
            if (!m.getValue().has("location")) {
                memberByWireName.put(m.getValue().path("jsonName").asText(
                        m.getValue().path("locationName").asText(m.getKey())), m.getKey());
            }
        });
        Map<String, Boolean> present = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            String member = memberByWireName.get(field.getKey());
            if (member == null) {
                addUnknown(childPath, shapeName, memberByWireName.keySet().toString(), field.getKey());
                continue;
            }
            present.put(member, true);
            if (field.getValue().isNull()) {
                add(childPath, "null value", "the member left out when it has no value", "null");
                continue;
            }
            seenMember.accept(operation, shapeName + "." + member);
            JsonNode memberNode = shape.path("members").path(member);
            jsonValue(field.getValue(), memberNode.path("shape").asText(), memberNode, childPath);
        }
        shape.path("required").forEach(r -> {
            JsonNode memberNode = shape.path("members").path(r.asText());
            if (memberNode.path("location").asText().equals("header")) {
                String header = memberNode.path("locationName").asText(r.asText()).toLowerCase(Locale.ROOT);
                if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(header))) {
                    add(path + "[header " + header + "]", "missing required member", "required by " + shapeName,
                            "absent");
                }
            } else if (!memberNode.has("location") && !present.containsKey(r.asText())) {
                String wire = memberNode.path("jsonName").asText(memberNode.path("locationName").asText(r.asText()));
                add(path.isEmpty() ? wire : path + "." + wire, "missing required member",
                        "required by " + shapeName, "absent");
            }
        });
    }

    private void jsonValue(JsonNode node, String shapeName, JsonNode memberNode, String path) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> jsonStructure(node, shapeName, path, Map.of());
            case "list" -> {
                if (!node.isArray()) {
                    add(path, "type", "a JSON array (" + shapeName + ")", node.getNodeType().toString());
                    return;
                }
                JsonNode item = shape.path("member");
                node.forEach(v -> jsonValue(v, item.path("shape").asText(), item, path + "[]"));
            }
            case "map" -> {
                if (!node.isObject()) {
                    add(path, "type", "a JSON object (map " + shapeName + ")", node.getNodeType().toString());
                    return;
                }
                JsonNode key = shape.path("key");
                JsonNode value = shape.path("value");
                node.fields().forEachRemaining(e -> {
                    scalar(e.getKey(), key.path("shape").asText(), model.shape(key.path("shape").asText()), key,
                            path + "{key}", "unixTimestamp");
                    jsonValue(e.getValue(), value.path("shape").asText(), value, path + "{}");
                });
            }
            case "string" -> {
                if (!node.isTextual()) {
                    add(path, "type", "a JSON string (" + shapeName + ")", node.getNodeType().toString());
                    return;
                }
                enumCheck(node.asText(), shapeName, shape, path);
            }
            case "integer", "long" -> {
                if (!node.isIntegralNumber() || type.equals("integer") && !node.canConvertToInt()) {
                    add(path, "type", "a JSON " + type + " (" + shapeName + ")", abbreviate(node.toString()));
                }
            }
            case "double", "float" -> {
                if (!node.isNumber()) {
                    add(path, "type", "a JSON number (" + shapeName + ")", abbreviate(node.toString()));
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    add(path, "type", "a JSON boolean (" + shapeName + ")", abbreviate(node.toString()));
                }
            }
            case "timestamp" -> {
                String format = memberNode.path("timestampFormat").asText(
                        shape.path("timestampFormat").asText("unixTimestamp"));
                boolean ok = format.equals("unixTimestamp") ? node.isNumber()
                        : node.isTextual() && timestamp(node.asText(), format);
                if (!ok) {
                    add(path, "type", "timestamp, " + format + (format.equals("unixTimestamp")
                            ? " as a JSON number" : "") + " (" + shapeName + ")", abbreviate(node.toString()));
                }
            }
            case "blob" -> {
                if (!node.isTextual()) {
                    add(path, "type", "base64 text (" + shapeName + ")", node.getNodeType().toString());
                } else {
                    scalar(node.asText(), shapeName, shape, memberNode, path, "unixTimestamp");
                }
            }
            default -> add(path, "type", "a known type", type);
        }
    }

    private void jsonError(int status, Map<String, List<String>> headers, byte[] body, boolean rest)
            throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        JsonNode node = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        if (!node.isObject()) {
            add("", "envelope", "a JSON object", node.getNodeType().toString());
            return;
        }
        String code = null;
        if (rest) {
            code = header(headers, "x-amzn-ErrorType");
        }
        if (code == null && node.has("__type")) {
            code = node.path("__type").asText();
        }
        if (code == null && rest && node.has("code")) {
            code = node.path("code").asText();
        }
        if (code == null) {
            add("__type", "missing required member", rest ? "an X-Amzn-ErrorType header or __type"
                    : "__type", "absent");
            return;
        }
        // AWS may qualify the code (namespace#Code) and the header may carry extra fields after a colon.
        code = code.substring(code.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        code = colon >= 0 ? code.substring(0, colon) : code;
        String shapeName = errorShape(code, model.protocol());
        if (shapeName == null) {
            // A common error: only its message is documented.
            node.fieldNames().forEachRemaining(f -> {
                if (!f.equals("__type") && !f.equalsIgnoreCase("message")) {
                    add(f, "unknown member", "__type and message (common error " + operationCodeLabel() + ")", f);
                }
            });
            return;
        }
        statusCheck(model.shape(shapeName).path("error"), status, code);
        com.fasterxml.jackson.databind.node.ObjectNode members = node.deepCopy();
        members.remove("__type");
        if (!model.shape(shapeName).path("members").has("message") && members.has("message")) {
            members.remove("message");
        }
        if (!model.shape(shapeName).path("members").has("Message") && members.has("Message")
                && model.shape(shapeName).path("members").has("message")) {
            // AWS JSON 1.1 services answer with either capitalisation; the SDKs read both.
            members.set("message", members.remove("Message"));
        }
        jsonStructure(members, shapeName, "", headers);
    }

    private String operationCodeLabel() {
        return operation;
    }

    /** The declared error shape for {@code code}, null for a common error; adds a violation for neither. */
    private String errorShape(String code, String protocol) {
        Map<String, String> declared = model.declaredErrors(operation);
        if (declared.containsKey(code)) {
            return declared.get(code);
        }
        if (!CommonErrors.forProtocol(protocol).contains(code)) {
            add("error code", "undeclared error", "one of " + declared.keySet() + " or a common error", code);
        }
        return null;
    }

    private void statusCheck(JsonNode error, int status, String code) {
        if (error.has("httpStatusCode") && error.path("httpStatusCode").asInt() != status) {
            add("HTTP status", "error status", error.path("httpStatusCode").asInt() + " for " + code,
                    Integer.toString(status));
        }
    }

    // ---- helpers ----

    private static String xmlName(String memberName, JsonNode member) {
        return member.path("locationName").asText(memberName);
    }

    private void textOutsideElements(Element element, String path, String shapeName) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                add(path, "type", "only elements inside " + shapeName, "text " + quote(n.getTextContent()));
                return;
            }
        }
    }

    private static List<Element> children(Element element) {
        List<Element> result = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element parseXml(byte[] body) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private static String quote(String text) {
        return "\"" + abbreviate(text) + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private void add(String path, String problem, String expected, String actual) {
        violations.add(new Violation(model.service(), operation, path, problem, expected, actual, ""));
    }

    private void addUnknown(String path, String shapeName, String members, String wireName) {
        violations.add(new Violation(model.service(), operation, path, "unknown member",
                "a member of " + shapeName + " " + members, wireName, shapeName));
    }
}
