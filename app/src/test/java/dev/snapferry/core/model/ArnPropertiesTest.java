package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ArnPropertiesTest {

    @Property(tries = 2000)
    void parsedArnPrintsBackToItsText(@ForAll("arnLike") String text) {
        Arn.parse(text).ifPresent(arn -> assertEquals(text, arn.toString()));
        assertTrue(Arn.parse(text).isEmpty() || text.startsWith("arn:"));
    }

    @Provide
    Arbitrary<String> arnLike() {
        Arbitrary<String> part = Arbitraries.strings().withChars("aws-:/rdsk12").ofMaxLength(8);
        return part.list().ofMinSize(1).ofMaxSize(8).map(parts -> "arn:" + String.join(":", parts));
    }
}
