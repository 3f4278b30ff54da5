package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.rules.KmsKeyReference.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KmsKeyReferenceTest {

    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String MRK_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";

    private static KmsKeyReference parsed(String text) {
        Optional<KmsKeyReference> reference = KmsKeyReference.parse(text);
        assertTrue(reference.isPresent(), text);
        assertEquals(text, reference.get().text());
        return reference.get();
    }

    @Test
    void uuidKeyIdIsAKeyIdWithoutArn() {
        KmsKeyReference reference = parsed(KEY_ID);
        assertEquals(Kind.KEY_ID, reference.kind());
        assertNull(reference.arn());
    }

    @Test
    void upperCaseUuidKeyIdIsAKeyId() {
        assertEquals(Kind.KEY_ID, parsed("1234ABCD-12AB-34CD-56EF-1234567890AB").kind());
    }

    @Test
    void multiRegionKeyIdIsAKeyId() {
        assertEquals(Kind.KEY_ID, parsed(MRK_ID).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alias/ExampleAlias", "alias/aws/rds", "alias/team_a/db-keys"})
    void aliasNameIsAnAliasName(String alias) {
        KmsKeyReference reference = parsed(alias);
        assertEquals(Kind.ALIAS_NAME, reference.kind());
        assertNull(reference.arn());
    }

    @Test
    void keyArnCarriesRegionAndPartition() {
        KmsKeyReference reference = parsed("arn:aws:kms:us-east-2:111122223333:key/" + KEY_ID);
        assertEquals(Kind.KEY_ARN, reference.kind());
        assertNotNull(reference.arn());
        assertEquals("us-east-2", reference.arn().region());
        assertEquals("aws", reference.arn().partition());
        assertEquals("111122223333", reference.arn().accountId());
    }

    @Test
    void multiRegionKeyArnIsAKeyArn() {
        assertEquals(Kind.KEY_ARN, parsed("arn:aws:kms:eu-west-1:111122223333:key/" + MRK_ID).kind());
    }

    @Test
    void chinaKeyArnKeepsItsPartition() {
        KmsKeyReference reference = parsed("arn:aws-cn:kms:cn-north-1:111122223333:key/" + KEY_ID);
        assertEquals("aws-cn", reference.arn().partition());
    }

    @Test
    void aliasArnIsAnAliasArn() {
        KmsKeyReference reference = parsed("arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias");
        assertEquals(Kind.ALIAS_ARN, reference.kind());
        assertEquals("us-east-2", reference.arn().region());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "ExampleAlias",
        "alias/",
        "alias/has space",
        "alias/ünicode",
        "1234abcd-12ab-34cd-56ef-1234567890a",
        "1234abcd-12ab-34cd-56ef-1234567890abc",
        "1234abcg-12ab-34cd-56ef-1234567890ab",
        "1234abcd12ab34cd56ef1234567890ab",
        "mrk-1234",
        "mrk-1234abcd12ab34cd56ef1234567890ag",
        " 1234abcd-12ab-34cd-56ef-1234567890ab",
        "key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-2:111122223333:key/not-a-key",
        "arn:aws:kms:us-east-2:11112222333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms::111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-2::key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:rds:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-2:111122223333:1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-2:111122223333:alias/",
        "arn:aws:kms:us-east-2:111122223333",
        "arn:",
        "arn:aws:s3:::bucket"
    })
    void malformedReferenceGivesEmpty(String text) {
        assertEquals(Optional.empty(), KmsKeyReference.parse(text));
    }

    @Test
    void aliasNameMayBe250CharactersLong() {
        assertTrue(KmsKeyReference.parse("alias/" + "a".repeat(250)).isPresent());
        assertEquals(Optional.empty(), KmsKeyReference.parse("alias/" + "a".repeat(251)));
    }
}
