package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KmsKeyTest {

    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_ARN = "arn:aws:kms:us-east-2:111122223333:key/" + KEY_ID;
    private static final RegionRef US_EAST_2 = new RegionRef("us-east-2");
    private static final KmsKey KEY = new KmsKey(KEY_ID, KEY_ARN, List.of("alias/ExampleAlias", "alias/team/db"),
            US_EAST_2, KmsKeyState.ENABLED, false);

    @ParameterizedTest
    @ValueSource(strings = {KEY_ID, KEY_ARN, "alias/ExampleAlias", "alias/team/db",
            "arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias",
            "arn:aws:kms:us-east-2:111122223333:alias/team/db"})
    void keyIsNamedByItsIdArnAliasesAndAliasArns(String reference) {
        assertTrue(KEY.isNamedBy(reference), reference);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "alias/Other", "ExampleAlias", "alias/examplealias",
            "arn:aws:kms:eu-west-1:111122223333:alias/ExampleAlias",
            "arn:aws:rds:us-east-2:111122223333:alias/ExampleAlias",
            "arn:aws:kms:us-east-2:111122223333:key/00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-000000000000"})
    void keyIsNotNamedByOtherReferences(String reference) {
        assertFalse(KEY.isNamedBy(reference), reference);
    }

    @Test
    void aliasArnOfAnotherAccountNamesAnotherKey() {
        // Aliases are per account and region: another account's alias/ExampleAlias is a different key.
        assertFalse(KEY.isNamedBy("arn:aws:kms:us-east-2:444455556666:alias/ExampleAlias"));
    }

    @Test
    void aliasArnOfAnotherPartitionNamesAnotherKey() {
        assertFalse(KEY.isNamedBy("arn:aws-us-gov:kms:us-east-2:111122223333:alias/ExampleAlias"));
    }

    @Test
    void displayNameIsTheFirstAliasWithoutPrefix() {
        assertEquals("ExampleAlias", KEY.displayName());
        KmsKey awsManaged = new KmsKey(KEY_ID, KEY_ARN, List.of("alias/aws/rds"), US_EAST_2, KmsKeyState.ENABLED,
                true);
        assertEquals("aws/rds", awsManaged.displayName());
    }

    @Test
    void displayNameOfAKeyWithoutAliasIsItsId() {
        KmsKey bare = new KmsKey(KEY_ID, KEY_ARN, List.of(), US_EAST_2, KmsKeyState.DISABLED, false);
        assertEquals(KEY_ID, bare.displayName());
    }
}
