package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.snapferry.core.rules.KmsKeyReference.Kind;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class KmsKeyReferencePropertiesTest {

    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String MRK_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";

    @Property(tries = 3000)
    void parseNeverThrows(@ForAll("referenceLike") String text) {
        Optional<KmsKeyReference> reference = KmsKeyReference.parse(text);
        reference.ifPresent(r -> {
            assertEquals(text, r.text());
            assertEquals(r.kind() == Kind.KEY_ARN || r.kind() == Kind.ALIAS_ARN, r.arn() != null);
        });
    }

    @Provide
    Arbitrary<String> referenceLike() {
        Arbitrary<String> part = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", "aws", "aws-cn", "kms", "rds", "us-east-1", "111122223333", "key/",
                        "alias/", "key/" + KEY_ID, "alias/x", MRK_ID, KEY_ID, ":", "/", "arn")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
        Arbitrary<String> assembled = part.list().ofMinSize(0).ofMaxSize(8).map(parts -> String.join(":", parts));
        Arbitrary<String> arnLike = Combinators.combine(part, part, part, part, part)
                .as((p, s, r, a, res) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(80)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300)),
                Tuple.of(3, assembled),
                Tuple.of(3, arnLike))
                .injectNull(0.01);
    }
}
