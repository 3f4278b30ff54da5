package dev.snapferry.core.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-engine tag character sets of the matrix: read as written, and refused by name when malformed. */
class CapabilityMatrixTagCharsetTest {

    private static final String DEFAULT = readDefault();
    private static final String ELASTIC_KEYS = "\"keyCharacters\": { \"kind\": \"ASCII_CLASS\", \"class\": "
            + "\"[a-zA-Z+-=._:/]\" }";
    private static final String ELASTIC_VALUES = "\"valueCharacters\": { \"kind\": \"ANY\" }";

    private static String readDefault() {
        try (InputStream in = CapabilityMatrix.class.getResourceAsStream(CapabilityMatrix.RESOURCE)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replaceOnce(String old, String replacement) {
        int at = DEFAULT.indexOf(old);
        assertTrue(at >= 0 && DEFAULT.indexOf(old, at + 1) < 0, () -> old + " is not in the file exactly once");
        return DEFAULT.substring(0, at) + replacement + DEFAULT.substring(at + old.length());
    }

    private static CapabilityMatrix parse(String json) {
        return CapabilityMatrix.parse(new ByteArrayInputStream(json.getBytes(UTF_8)), "test.json");
    }

    @Test
    void elasticKeysUseTheModelsAsciiClassAndValuesAnything() {
        TagSpec elastic = CapabilityMatrix.loadDefault().forEngine(Engine.DOCUMENTDB_ELASTIC).tags();
        assertEquals(new TagCharset.AsciiClass("[a-zA-Z+-=._:/]"), elastic.keyCharacters());
        assertEquals(new TagCharset.Any(), elastic.valueCharacters());
        assertFalse(elastic.reservedPrefixesInValues());
    }

    @Test
    void anEngineWithoutCharacterSetsKeepsTheStandardSetWithItsExtras() {
        TagSpec aurora = CapabilityMatrix.loadDefault().forEngine(Engine.AURORA_MYSQL).tags();
        assertEquals(new TagCharset.Standard("@"), aurora.keyCharacters());
        assertEquals(new TagCharset.Standard("@"), aurora.valueCharacters());
        assertTrue(aurora.reservedPrefixesInValues());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        { "kind": "ASCII" }                                  | keyCharacters.kind
        { "kind": "ASCII_CLASS" }                            | keyCharacters.class
        { "kind": "ASCII_CLASS", "class": "a-z" }            | keyCharacters.class
        { "kind": "ASCII_CLASS", "class": "[a-z" }           | keyCharacters.class
        { "kind": "ASCII_CLASS", "class": "[a-z ]" }         | keyCharacters.class
        { "kind": "ANY", "class": "[a-z]" }                  | keyCharacters.class
        { "kind": "ANY", "pattern": "[a-z]" }                | keyCharacters.pattern
        "[a-z]"                                              | keyCharacters
        """)
    void aMalformedKeySetIsNamed(String replacement, String field) {
        String message = assertThrows(CapabilityMatrixException.class,
                () -> parse(replaceOnce(ELASTIC_KEYS, "\"keyCharacters\": " + replacement))).getMessage();
        assertTrue(message.contains("field 'engines.DOCUMENTDB_ELASTIC.tags." + field + "'"), message);
    }

    @Test
    void extraCharactersThatNoPartUsesAreRefusedRatherThanIgnored() {
        String json = replaceOnce("\"extraCharacters\": \"\",\n                " + ELASTIC_KEYS,
                "\"extraCharacters\": \"@\",\n                " + ELASTIC_KEYS);
        String message = assertThrows(CapabilityMatrixException.class, () -> parse(json)).getMessage();
        assertTrue(message.contains("field 'engines.DOCUMENTDB_ELASTIC.tags.extraCharacters'"), message);
    }

    @Test
    void extraCharactersApplyToThePartThatUsesTheStandardSet() {
        String json = replaceOnce("\"extraCharacters\": \"\",\n                " + ELASTIC_KEYS + ",\n"
                        + "                " + ELASTIC_VALUES,
                "\"extraCharacters\": \"@\",\n                " + ELASTIC_KEYS);
        TagSpec elastic = parse(json).forEngine(Engine.DOCUMENTDB_ELASTIC).tags();
        assertEquals(new TagCharset.Standard("@"), elastic.valueCharacters());
    }
}
