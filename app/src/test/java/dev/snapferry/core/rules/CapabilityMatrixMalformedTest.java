package dev.snapferry.core.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad matrix files, each made by one edit of the shipped file, must stop start-up naming the field at fault. */
class CapabilityMatrixMalformedTest {

    private static final String DEFAULT = readDefault();
    /** An engine's entry starts on a line indented by four spaces; its fields are indented further. */
    private static final Pattern ENGINE_LINE = Pattern.compile("\n {4}\"");

    private static String readDefault() {
        try (InputStream in = CapabilityMatrix.class.getResourceAsStream(CapabilityMatrix.RESOURCE)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CapabilityMatrix parse(String json) {
        return CapabilityMatrix.parse(new ByteArrayInputStream(json.getBytes(UTF_8)), "test.json");
    }

    private static String refusal(String json) {
        String message = assertThrows(CapabilityMatrixException.class, () -> parse(json)).getMessage();
        assertTrue(message.contains("test.json"), message);
        return message;
    }

    private static void assertRefusedNaming(String json, String path) {
        String message = refusal(json);
        assertTrue(message.contains("field '" + path + "'"), () -> "expected field '" + path + "' in: " + message);
    }

    private static int engineStart(Engine engine) {
        int start = DEFAULT.indexOf("\n    \"" + engine.name() + "\": {");
        assertTrue(start >= 0, engine.name());
        return start + 1;
    }

    private static int engineEnd(Engine engine) {
        Matcher next = ENGINE_LINE.matcher(DEFAULT);
        return next.find(engineStart(engine)) ? next.start() + 1 : DEFAULT.length();
    }

    /** The default text with the first {@code old} inside {@code engine}'s entry replaced. */
    private static String inEngine(Engine engine, String old, String replacement) {
        int at = DEFAULT.indexOf(old, engineStart(engine));
        assertTrue(at >= 0 && at < engineEnd(engine), () -> old + " not in " + engine);
        return DEFAULT.substring(0, at) + replacement + DEFAULT.substring(at + old.length());
    }

    private static String replaceOnce(String old, String replacement) {
        int at = DEFAULT.indexOf(old);
        assertTrue(at >= 0 && DEFAULT.indexOf(old, at + 1) < 0, () -> old + " is not in the file exactly once");
        return DEFAULT.substring(0, at) + replacement + DEFAULT.substring(at + old.length());
    }

    private static String withoutEngine(Engine engine) {
        int start = engineStart(engine);
        int end = engineEnd(engine);
        if (end < DEFAULT.length()) {
            return DEFAULT.substring(0, start) + DEFAULT.substring(end);
        }
        // The last entry: drop it up to the closing brace of "engines", and the comma before it.
        int enginesClose = DEFAULT.lastIndexOf("\n  }");
        return DEFAULT.substring(0, start).replaceFirst(",\\s*$", "\n") + DEFAULT.substring(enginesClose + 1);
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void unchangedDefaultTextParses() {
        assertEquals(5, parse(DEFAULT).forEngine(Engine.NEPTUNE).maxCopiesInFlightPerRegion());
    }

    @Test
    void editHelpersChangeOnlyTheNamedEngine() {
        CapabilityMatrix edited = parse(inEngine(Engine.NEPTUNE, "\"maxCopiesInFlightPerRegion\": 5",
                "\"maxCopiesInFlightPerRegion\": 3"));
        assertEquals(3, edited.forEngine(Engine.NEPTUNE).maxCopiesInFlightPerRegion());
        assertEquals(5, edited.forEngine(Engine.DOCUMENTDB_ELASTIC).maxCopiesInFlightPerRegion());
        CapabilityMatrix middle = parse(inEngine(Engine.DOCUMENTDB, "\"maxTags\": 50", "\"maxTags\": 10"));
        assertEquals(10, middle.forEngine(Engine.DOCUMENTDB).tags().maxTags());
        assertEquals(50, middle.forEngine(Engine.RDS_MULTI_AZ_CLUSTER).tags().maxTags());
    }

    @Test
    void missingCommaIsInvalidJsonWithLineAndColumn() {
        String broken = inEngine(Engine.NEPTUNE, "\"crossRegionCopy\": true,", "\"crossRegionCopy\": true");
        int nextField = broken.indexOf("\"presignedUrl\"", engineStart(Engine.NEPTUNE));
        String message = refusal(broken);
        assertTrue(message.contains("not valid JSON"), message);
        assertTrue(message.contains("(line " + lineOf(broken, nextField) + ", column 7)"), message);
    }

    @Test
    void truncatedFileIsInvalidJson() {
        String message = refusal(DEFAULT.substring(0, DEFAULT.length() / 2));
        assertTrue(message.matches("(?s).*not valid JSON \\(line \\d+, column \\d+\\).*"), message);
    }

    @Test
    void textAfterTheMatrixIsInvalidJson() {
        String message = refusal(DEFAULT + "}\n");
        assertTrue(message.matches("(?s).*not valid JSON \\(line \\d+, column \\d+\\).*"), message);
    }

    @Test
    void repeatedFieldIsRefusedRatherThanSilentlyOverridden() {
        String twice = inEngine(Engine.NEPTUNE, "\"maxCopiesInFlightPerRegion\": 5,",
                "\"maxCopiesInFlightPerRegion\": 5,\n      \"maxCopiesInFlightPerRegion\": 50,");
        String message = refusal(twice);
        assertTrue(message.contains("maxCopiesInFlightPerRegion"), message);
    }

    @Test
    void emptyFileIsRefused() {
        refusal("");
    }

    @Test
    void topLevelArrayIsRefused() {
        assertRefusedNaming("[" + DEFAULT + "]", "(top level)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void missingEngineIsNamed(Engine engine) {
        String without = withoutEngine(engine);
        assertNotEquals(DEFAULT, without);
        String message = refusal(without);
        assertTrue(message.contains("field 'engines." + engine.name() + "' is missing"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crossRegionCopy", "presignedUrl", "kmsKeyWithUnencryptedSource",
            "crossRegionEncryptedRequiresKey", "sharedEncryptedRequiresKey", "sharedCopyCrossRegion",
            "maxCopiesInFlightPerRegion", "tags"})
    void missingEngineFieldIsNamed(String field) {
        String dropped = dropLine(inEngine(Engine.NEPTUNE, "\"" + field + "\":", "\"@@DROP@@\":"));
        assertRefusedNaming(dropped, "engines.NEPTUNE." + field);
    }

    /** Removes the line holding the marker, and for the tags entry everything up to its closing brace. */
    private static String dropLine(String text) {
        int marker = text.indexOf("\"@@DROP@@\":");
        int lineStart = text.lastIndexOf('\n', marker) + 1;
        int lineEnd = text.indexOf('\n', marker) + 1;
        String line = text.substring(lineStart, lineEnd);
        if (line.contains("{") && !line.contains("}")) {
            lineEnd = text.indexOf("},\n", marker) + 3;
        }
        return text.substring(0, lineStart) + text.substring(lineEnd);
    }

    @Test
    void missingTagFieldIsNamed() {
        assertRefusedNaming(inEngine(Engine.DOCUMENTDB, "\"maxTags\": 50,", ""), "engines.DOCUMENTDB.tags.maxTags");
    }

    @Test
    void missingSchemaVersionIsNamed() {
        assertRefusedNaming(replaceOnce("\"schemaVersion\": 1,", ""), "schemaVersion");
    }

    @Test
    void missingEnginesIsNamed() {
        assertRefusedNaming("{\"schemaVersion\": 1}", "engines");
    }

    @Test
    void nullFieldCountsAsMissing() {
        String message = refusal(inEngine(Engine.NEPTUNE, "\"crossRegionCopy\": true", "\"crossRegionCopy\": null"));
        assertTrue(message.contains("field 'engines.NEPTUNE.crossRegionCopy' is missing"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        crossRegionCopy             | true                  | "true"
        crossRegionCopy             | true                  | 1
        sharedCopyCrossRegion       | "ALLOWED"             | true
        maxCopiesInFlightPerRegion  | 5                     | "5"
        maxCopiesInFlightPerRegion  | 5                     | 5.0
        maxCopiesInFlightPerRegion  | 5                     | true
        presignedUrl                | "NOT_SUPPORTED"       | 3
        presignedUrl                | "NOT_SUPPORTED"       | ["NOT_SUPPORTED"]
        kmsKeyWithUnencryptedSource | "ERROR"               | false
        tags.maxKeyLength           | 128                   | "128"
        tags.maxTags                | 50                    | 50.5
        tags.extraCharacters        | ""                    | []
        tags.reservedPrefixes       | ["aws:", "rds:"]      | "aws:"
        tags.reservedPrefixes[1]    | ["aws:", "rds:"]      | ["aws:", 7]
        tags.reservedPrefixes[0]    | ["aws:", "rds:"]      | ["", "rds:"]
        """)
    void wrongTypeIsNamed(String field, String good, String bad) {
        String name = "\"" + field.replaceAll("^tags\\.|\\[\\d+]$", "") + "\": ";
        assertRefusedNaming(inEngine(Engine.NEPTUNE, name + good, name + bad), "engines.NEPTUNE." + field);
    }

    /** The default text with the JSON object value of {@code engine}'s {@code field} replaced. */
    private static String withObjectReplaced(Engine engine, String field, String replacement) {
        String opening = "\"" + field + "\": {";
        int at = DEFAULT.indexOf(opening, engineStart(engine));
        assertTrue(at >= 0 && at < engineEnd(engine), () -> field + " not in " + engine);
        int close = DEFAULT.indexOf('}', at);
        return DEFAULT.substring(0, at) + "\"" + field + "\": " + replacement + DEFAULT.substring(close + 1);
    }

    @Test
    void tagsThatAreNotAnObjectAreNamed() {
        assertRefusedNaming(withObjectReplaced(Engine.NEPTUNE, "tags", "[]"), "engines.NEPTUNE.tags");
    }

    @Test
    void enginesThatAreNotAnObjectAreNamed() {
        assertRefusedNaming("{\"schemaVersion\": 1, \"engines\": []}", "engines");
    }

    @Test
    void engineThatIsNotAnObjectIsNamed() {
        String message = refusal(DEFAULT.replace("\"NEPTUNE\": {", "\"NEPTUNE\": true, \"NEPTUNE_OLD\": {"));
        assertTrue(message.contains("field 'engines.NEPTUNE' must be a JSON object"), message);
    }

    @Test
    void contestedThatIsNotAnObjectIsNamed() {
        assertRefusedNaming(withObjectReplaced(Engine.NEPTUNE, "contested", "\"see seed 002\""),
                "engines.NEPTUNE.contested");
    }

    @Test
    void contestedReasonThatIsNotTextIsNamed() {
        String broken = inEngine(Engine.DOCUMENTDB, "\"sharedCopyCrossRegion\": \"The",
                "\"sharedCopyCrossRegion\": true, \"presignedUrl\": \"The");
        assertRefusedNaming(broken, "engines.DOCUMENTDB.contested.sharedCopyCrossRegion");
    }

    @Test
    void unknownEngineFieldIsNamed() {
        assertRefusedNaming(inEngine(Engine.NEPTUNE, "\"crossRegionCopy\": true,",
                "\"crossRegionCopy\": true,\n      \"crossRegionCopyy\": true,"), "engines.NEPTUNE.crossRegionCopyy");
    }

    @Test
    void unknownTagFieldIsNamed() {
        assertRefusedNaming(inEngine(Engine.NEPTUNE, "\"maxTags\": 50,", "\"maxTags\": 50, \"maxTagz\": 50,"),
                "engines.NEPTUNE.tags.maxTagz");
    }

    @Test
    void unknownTopLevelFieldIsNamed() {
        assertRefusedNaming(replaceOnce("\"schemaVersion\": 1,", "\"schemaVersion\": 1,\n  \"comment\": \"x\","),
                "comment");
    }

    @Test
    void contestedEntryForUnknownRuleIsNamed() {
        assertRefusedNaming(inEngine(Engine.NEPTUNE, "\"presignedUrl\": \"The Neptune",
                "\"presignedURL\": \"The Neptune"), "engines.NEPTUNE.contested.presignedURL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        DOCUMENTDB         | presignedUrl                | "CROSS_REGION" | "ALWAYS"
        DOCUMENTDB         | presignedUrl                | "CROSS_REGION" | "cross_region"
        NEPTUNE            | kmsKeyWithUnencryptedSource | "ERROR"        | "X"
        DOCUMENTDB_ELASTIC | tags.format                 | "MAP"          | "DICT"
        """)
    void unknownEnumValueIsNamed(Engine engine, String field, String good, String bad) {
        String name = "\"" + field.replaceFirst("^tags\\.", "") + "\": ";
        String message = refusal(inEngine(engine, name + good, name + bad));
        assertTrue(message.contains("field 'engines." + engine.name() + "." + field + "'"), message);
        assertTrue(message.contains("must be one of"), message);
    }

    @Test
    void excludedRegionThatIsNotARegionCodeIsNamed() {
        assertRefusedNaming(inEngine(Engine.AURORA_MYSQL, "[\"cn-north-1\", \"cn-northwest-1\"]",
                "[\"cn-north-1\", \"Beijing\"]"), "engines.AURORA_MYSQL.crossRegionExcludedRegions[1]");
        assertRefusedNaming(inEngine(Engine.AURORA_MYSQL, "[\"cn-north-1\", \"cn-northwest-1\"]",
                "\"cn-north-1\""), "engines.AURORA_MYSQL.crossRegionExcludedRegions");
    }

    @Test
    void sourceForUnknownRuleOrWithoutTextIsNamed() {
        assertRefusedNaming(inEngine(Engine.NEPTUNE, "\"maxCopiesInFlightPerRegion\": \"Neptune",
                "\"maxCopies\": \"Neptune"), "engines.NEPTUNE.sources.maxCopies");
        assertRefusedNaming(inEngine(Engine.NEPTUNE, "\"maxCopiesInFlightPerRegion\": \"Neptune",
                "\"maxCopiesInFlightPerRegion\": 5, \"x\": \"Neptune"),
                "engines.NEPTUNE.sources.maxCopiesInFlightPerRegion");
    }

    @Test
    void unknownEngineIsNamed() {
        assertRefusedNaming(replaceOnce("\"engines\": {", "\"engines\": {\n    \"ORACLE\": {},"), "engines.ORACLE");
    }

    @Test
    void engineNamesAreCaseSensitive() {
        assertRefusedNaming(DEFAULT.replace("\"NEPTUNE\": {", "\"neptune\": {"), "engines.neptune");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "-1", "\"1\"", "1.0"})
    void wrongSchemaVersionIsNamed(String version) {
        assertRefusedNaming(replaceOnce("\"schemaVersion\": 1,", "\"schemaVersion\": " + version + ","),
                "schemaVersion");
    }

    @Test
    void newerSchemaVersionSaysWhichVersionIsRead() {
        String message = refusal(replaceOnce("\"schemaVersion\": 1,", "\"schemaVersion\": 2,"));
        assertTrue(message.contains("is 2 but this version of Snapferry reads 1"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "101", "2147483648", "99999999999"})
    void maxCopiesOutOfRangeIsNamed(String value) {
        assertRefusedNaming(inEngine(Engine.NEPTUNE, "\"maxCopiesInFlightPerRegion\": 5",
                "\"maxCopiesInFlightPerRegion\": " + value), "engines.NEPTUNE.maxCopiesInFlightPerRegion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100"})
    void maxCopiesAtTheBoundsIsAccepted(String value) {
        CapabilityMatrix matrix = parse(inEngine(Engine.NEPTUNE, "\"maxCopiesInFlightPerRegion\": 5",
                "\"maxCopiesInFlightPerRegion\": " + value));
        assertEquals(Integer.parseInt(value), matrix.forEngine(Engine.NEPTUNE).maxCopiesInFlightPerRegion());
    }

    @Test
    void outOfRangeTagLimitIsNamed() {
        assertRefusedNaming(inEngine(Engine.AURORA_MYSQL, "\"maxKeyLength\": 128", "\"maxKeyLength\": 0"),
                "engines.AURORA_MYSQL.tags.maxKeyLength");
    }
}
