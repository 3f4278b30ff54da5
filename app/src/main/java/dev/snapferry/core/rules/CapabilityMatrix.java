package dev.snapferry.core.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine capability matrix: per engine, every copy rule that differs by engine or that AWS's own documents
 * contest. It is data ({@value #RESOURCE}), read once at start-up; a malformed file stops start-up with a message
 * that names the field.
 */
public final class CapabilityMatrix {

    public static final String RESOURCE = "/dev/snapferry/core/rules/capability-matrix.json";
    static final int SCHEMA_VERSION = 1;

    private final Map<Engine, EngineCapabilities> engines;

    private CapabilityMatrix(Map<Engine, EngineCapabilities> engines) {
        this.engines = Map.copyOf(engines);
    }

    /** Reads the matrix that ships with the application. */
    public static CapabilityMatrix loadDefault() {
        try (InputStream in = CapabilityMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CapabilityMatrixException("capability matrix " + RESOURCE + " is missing from the build");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new CapabilityMatrixException("capability matrix " + RESOURCE + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Parses a matrix. Every engine must be present and every field typed as documented; unknown fields are
     * refused too, so that a misspelt rule cannot be silently ignored.
     */
    public static CapabilityMatrix parse(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        JsonNode root;
        try {
            // Trailing text and repeated fields are malformed too: either would silently drop part of the file.
            ObjectMapper mapper = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CapabilityMatrixException("capability matrix " + source + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CapabilityMatrixException("capability matrix " + source + " could not be read: "
                    + e.getMessage(), e);
        }
        return new Reader(source).matrix(root);
    }

    public EngineCapabilities forEngine(Engine engine) {
        // The reader refuses a matrix that leaves an engine out, so every engine has its entry.
        return Objects.requireNonNull(engines.get(Objects.requireNonNull(engine, "engine")), "engine rules");
    }

    /** Every rule AWS's documents contest, as {@code ENGINE.field} to the reason for Snapferry's choice. */
    public Map<String, String> contestedRules() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            forEngine(engine).contested().forEach((field, why) -> all.put(engine.name() + "." + field, why));
        }
        return all;
    }

    /** Walks the JSON tree, keeping the path so that each refusal names its field. */
    private record Reader(String source) {

        private static final List<String> ENGINE_FIELDS = List.of("crossRegionCopy", "presignedUrl",
                "kmsKeyWithUnencryptedSource", "crossRegionEncryptedRequiresKey", "sharedEncryptedRequiresKey",
                "sharedCopyCrossRegion", "maxCopiesInFlightPerRegion", "crossRegionExcludedRegions", "tags",
                "contested", "sources");
        private static final List<String> TAG_FIELDS = List.of("format", "maxKeyLength", "maxValueLength",
                "maxTags", "extraCharacters", "keyCharacters", "valueCharacters", "reservedPrefixes",
                "reservedPrefixesInValues");
        private static final List<String> CHARSET_FIELDS = List.of("kind", "class");

        CapabilityMatrix matrix(JsonNode root) {
            object(root, "");
            onlyKnown(root, "", List.of("schemaVersion", "engines"));
            int version = integer(root, "", "schemaVersion", 1, Integer.MAX_VALUE);
            if (version != SCHEMA_VERSION) {
                throw fail("schemaVersion", "is " + version + " but this version of Snapferry reads "
                        + SCHEMA_VERSION);
            }
            JsonNode enginesNode = object(field(root, "", "engines"), "engines");
            Map<Engine, EngineCapabilities> engines = new EnumMap<>(Engine.class);
            for (var entry : enginesNode.properties()) {
                Engine engine = enumValue(Engine.class, entry.getKey(), "engines." + entry.getKey());
                engines.put(engine, engine(engine, entry.getValue(), "engines." + entry.getKey()));
            }
            for (Engine engine : Engine.values()) {
                if (!engines.containsKey(engine)) {
                    throw fail("engines." + engine.name(), "is missing: every engine needs its rules");
                }
            }
            return new CapabilityMatrix(engines);
        }

        private EngineCapabilities engine(Engine engine, JsonNode node, String path) {
            object(node, path);
            onlyKnown(node, path, ENGINE_FIELDS);
            return new EngineCapabilities(engine,
                    bool(node, path, "crossRegionCopy"),
                    enumValue(PresignedUrlRule.class, text(node, path, "presignedUrl"), path + ".presignedUrl"),
                    enumValue(UnencryptedKeyRule.class, text(node, path, "kmsKeyWithUnencryptedSource"),
                            path + ".kmsKeyWithUnencryptedSource"),
                    bool(node, path, "crossRegionEncryptedRequiresKey"),
                    bool(node, path, "sharedEncryptedRequiresKey"),
                    enumValue(SharedCrossRegionRule.class, text(node, path, "sharedCopyCrossRegion"),
                            path + ".sharedCopyCrossRegion"),
                    integer(node, path, "maxCopiesInFlightPerRegion", 1, 100),
                    regions(node, path, "crossRegionExcludedRegions"),
                    tags(field(node, path, "tags"), path + ".tags"),
                    reasons(node, path, "contested"),
                    reasons(node, path, "sources"));
        }

        private TagSpec tags(JsonNode node, String path) {
            object(node, path);
            onlyKnown(node, path, TAG_FIELDS);
            JsonNode prefixes = field(node, path, "reservedPrefixes");
            if (!prefixes.isArray()) {
                throw fail(path + ".reservedPrefixes", "must be a list of texts");
            }
            List<String> reserved = new ArrayList<>();
            for (int i = 0; i < prefixes.size(); i++) {
                if (!prefixes.get(i).isTextual() || prefixes.get(i).asText().isEmpty()) {
                    throw fail(path + ".reservedPrefixes[" + i + "]", "must be a non-empty text");
                }
                reserved.add(prefixes.get(i).asText());
            }
            String extra = text(node, path, "extraCharacters");
            TagCharset keys = charset(node.get("keyCharacters"), path + ".keyCharacters", extra);
            TagCharset values = charset(node.get("valueCharacters"), path + ".valueCharacters", extra);
            if (!extra.isEmpty() && !(keys instanceof TagCharset.Standard)
                    && !(values instanceof TagCharset.Standard)) {
                throw fail(path + ".extraCharacters", "extends the standard set, which neither keys nor values use "
                        + "here: leave it empty");
            }
            JsonNode inValues = node.get("reservedPrefixesInValues");
            return new TagSpec(
                    enumValue(TagFormat.class, text(node, path, "format"), path + ".format"),
                    integer(node, path, "maxKeyLength", 1, 10_000),
                    integer(node, path, "maxValueLength", 0, 10_000),
                    integer(node, path, "maxTags", 1, 10_000),
                    keys, values, reserved,
                    inValues == null || bool(node, path, "reservedPrefixesInValues"));
        }

        /**
         * A key or value character set: absent for the standard set (plus {@code extraCharacters}), else
         * {@code {"kind": "STANDARD" | "ANY"}} or {@code {"kind": "ASCII_CLASS", "class": "[...]"}} with the
         * service model's character class.
         */
        private TagCharset charset(JsonNode node, String path, String extra) {
            if (node == null) {
                return new TagCharset.Standard(extra);
            }
            object(node, path);
            onlyKnown(node, path, CHARSET_FIELDS);
            TagCharsetKind kind = enumValue(TagCharsetKind.class, text(node, path, "kind"), path + ".kind");
            if (kind != TagCharsetKind.ASCII_CLASS && node.has("class")) {
                throw fail(path + ".class", "applies only to kind ASCII_CLASS");
            }
            return switch (kind) {
                case STANDARD -> new TagCharset.Standard(extra);
                case ANY -> new TagCharset.Any();
                case ASCII_CLASS -> asciiClass(text(node, path, "class"), path + ".class");
            };
        }

        private TagCharset asciiClass(String regex, String path) {
            if (!regex.startsWith("[") || !regex.endsWith("]")) {
                throw fail(path, "must be one regular-expression character class, [...], not " + regex);
            }
            try {
                return new TagCharset.AsciiClass(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw fail(path, "is not a regular expression: " + e.getDescription());
            } catch (IllegalArgumentException e) {
                throw fail(path, "must not match a space (messages tell the user \"no spaces\"): " + regex);
            }
        }

        /** An optional list of region codes (absent means none). */
        private List<String> regions(JsonNode node, String path, String name) {
            JsonNode list = node.get(name);
            if (list == null) {
                return List.of();
            }
            String where = join(path, name);
            if (!list.isArray()) {
                throw fail(where, "must be a list of region codes");
            }
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode code = list.get(i);
                if (!code.isTextual() || !RegionRef.isValidCode(code.asText())) {
                    throw fail(where + "[" + i + "]", "must be a region code such as cn-north-1, not " + code);
                }
                codes.add(code.asText());
            }
            return codes;
        }

        /** An optional object of rule name to a text about that rule ({@code contested}: why; {@code sources}). */
        private Map<String, String> reasons(JsonNode node, String path, String name) {
            JsonNode reasons = node.get(name);
            if (reasons == null) {
                return Map.of();
            }
            object(reasons, path + "." + name);
            Map<String, String> result = new LinkedHashMap<>();
            for (var entry : reasons.properties()) {
                String where = path + "." + name + "." + entry.getKey();
                if (!ENGINE_FIELDS.contains(entry.getKey()) && !TAG_FIELDS.contains(entry.getKey())) {
                    throw fail(where, "names no rule of the matrix");
                }
                if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                    throw fail(where, "must say " + ("sources".equals(name) ? "where the rule comes from" : "why")
                            + ", as a text");
                }
                result.put(entry.getKey(), entry.getValue().asText());
            }
            return result;
        }

        private JsonNode field(JsonNode node, String path, String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw fail(join(path, name), "is missing");
            }
            return value;
        }

        private boolean bool(JsonNode node, String path, String name) {
            JsonNode value = field(node, path, name);
            if (!value.isBoolean()) {
                throw fail(join(path, name), "must be true or false, not " + value);
            }
            return value.booleanValue();
        }

        private int integer(JsonNode node, String path, String name, int min, int max) {
            JsonNode value = field(node, path, name);
            if (!value.isInt() || value.intValue() < min || value.intValue() > max) {
                throw fail(join(path, name), "must be a whole number from " + min + " to " + max + ", not " + value);
            }
            return value.intValue();
        }

        private String text(JsonNode node, String path, String name) {
            JsonNode value = field(node, path, name);
            if (!value.isTextual()) {
                throw fail(join(path, name), "must be a text, not " + value);
            }
            return value.asText();
        }

        private JsonNode object(JsonNode node, String path) {
            if (!node.isObject()) {
                throw fail(path.isEmpty() ? "(top level)" : path, "must be a JSON object");
            }
            return node;
        }

        private void onlyKnown(JsonNode node, String path, List<String> known) {
            for (var field : node.properties()) {
                String name = field.getKey();
                if (!known.contains(name)) {
                    throw fail(join(path, name), "is not a known field (known: " + String.join(", ", known) + ")");
                }
            }
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String text, String path) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw fail(path, "is '" + text + "' but must be one of " + String.join(", ", names));
        }

        private CapabilityMatrixException fail(String path, String problem) {
            return new CapabilityMatrixException("capability matrix " + source + ": field '" + path + "' " + problem);
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
