package dev.snapferry.core.model;

import static dev.snapferry.core.model.SnapshotFixtures.OTHER_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.US_EAST_1;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotTest {

    private static Snapshot withArn(String arn, SnapshotType type) {
        return new Snapshot("x", arn, OWN_ACCOUNT, US_EAST_1, Engine.NEPTUNE, null, null, type,
                SnapshotStatus.available(), null, false, null, List.of(), null, null, null, null, false);
    }

    @Test
    void ownSnapshotIsOwnedByTheListingAccount() {
        Snapshot own = snapshot().build();
        assertEquals(OWN_ACCOUNT, own.ownerAccountId());
        assertFalse(own.isForeign());
    }

    @Test
    void sharedSnapshotIsOwnedByTheAccountInItsArn() {
        Snapshot shared = snapshot().sharedFromOtherAccount().build();
        assertEquals(OTHER_ACCOUNT, shared.ownerAccountId());
        assertTrue(shared.isForeign());
    }

    @Test
    void manualSnapshotWithAnotherOwnerInItsArnIsForeign() {
        Snapshot foreign = snapshot().type(SnapshotType.MANUAL).owner(OTHER_ACCOUNT).build();
        assertTrue(foreign.isForeign());
    }

    @Test
    void publicSnapshotIsForeignEvenWithoutOwnerInItsArn() {
        assertTrue(withArn("x", SnapshotType.PUBLIC).isForeign());
    }

    @Test
    void ownerFallsBackToTheListingAccountWhenTheArnHasNone() {
        assertEquals(OWN_ACCOUNT, withArn("not-an-arn", SnapshotType.MANUAL).ownerAccountId());
        assertEquals(OWN_ACCOUNT, withArn("arn:aws:rds:us-east-1::cluster-snapshot:x", SnapshotType.MANUAL)
                .ownerAccountId());
    }

    @Test
    void automatedSnapshotIsRecognised() {
        assertTrue(snapshot().type(SnapshotType.AUTOMATED).build().isAutomated());
        assertFalse(snapshot().build().isAutomated());
    }

    @Test
    void tagsAreCopiedOnConstruction() {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("env", "prod")));
        Snapshot snapshot = snapshot().tags(tags).build();
        tags.clear();
        assertEquals(List.of(new Tag("env", "prod")), snapshot.tags());
    }

    @ParameterizedTest
    @CsvSource({"automated, AUTOMATED", "Manual, MANUAL", "SHARED, SHARED", "' public ', PUBLIC"})
    void snapshotTypesAreReadInAnyCase(String raw, SnapshotType type) {
        assertEquals(Optional.of(type), SnapshotType.fromRaw(raw));
    }

    @Test
    void unknownSnapshotTypeGivesEmpty() {
        assertEquals(Optional.empty(), SnapshotType.fromRaw("awsbackup"));
        assertEquals(Optional.empty(), SnapshotType.fromRaw(null));
    }

    @Test
    void onlySharedAndPublicTypesAreForeign() {
        assertTrue(SnapshotType.SHARED.isForeign());
        assertTrue(SnapshotType.PUBLIC.isForeign());
        assertFalse(SnapshotType.MANUAL.isForeign());
        assertFalse(SnapshotType.AUTOMATED.isForeign());
    }
}
