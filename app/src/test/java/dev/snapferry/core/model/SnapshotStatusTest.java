package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotStatusTest {

    @Test
    void copyingAtZeroPercentIsQueued() {
        assertEquals(new SnapshotStatus(SnapshotState.QUEUED, 0, "copying"), SnapshotStatus.fromRds("copying", 0));
    }

    @Test
    void copyingWithoutProgressIsQueued() {
        assertEquals(SnapshotState.QUEUED, SnapshotStatus.fromRds("copying", null).state());
    }

    @Test
    void copyingWithProgressIsCopyingWithThatProgress() {
        assertEquals(new SnapshotStatus(SnapshotState.COPYING, 40, "copying"), SnapshotStatus.fromRds("copying", 40));
    }

    @Test
    void availableIsAlwaysAHundredPercent() {
        assertEquals(new SnapshotStatus(SnapshotState.AVAILABLE, 100, "available"),
                SnapshotStatus.fromRds("available", 0));
        assertEquals(SnapshotStatus.available(), SnapshotStatus.fromRds("available", null));
    }

    @ParameterizedTest
    @CsvSource({
        "creating, CREATING",
        "deleting, DELETING",
        "failed, FAILED",
        "Available, AVAILABLE",
        "' copying ', COPYING"
    })
    void rdsStatusesAreFolded(String raw, SnapshotState state) {
        assertEquals(state, SnapshotStatus.fromRds(raw, 50).state());
    }

    @Test
    void unknownRdsStatusIsOtherAndKeepsTheRawText() {
        SnapshotStatus status = SnapshotStatus.fromRds("Migrating-Storage", 12);
        assertEquals(SnapshotState.OTHER, status.state());
        assertEquals("Migrating-Storage", status.raw());
        assertEquals(12, status.percent());
    }

    @Test
    void missingRdsStatusIsOtherWithEmptyRawText() {
        assertEquals(new SnapshotStatus(SnapshotState.OTHER, 0, ""), SnapshotStatus.fromRds(null, null));
    }

    @Test
    void percentIsClampedToZeroToHundred() {
        assertEquals(100, SnapshotStatus.fromRds("copying", 140).percent());
        assertEquals(0, SnapshotStatus.fromRds("creating", -3).percent());
        assertEquals(SnapshotState.QUEUED, SnapshotStatus.fromRds("copying", -3).state());
    }

    @Test
    void activeElasticSnapshotIsAvailable() {
        assertEquals(new SnapshotStatus(SnapshotState.AVAILABLE, 100, "ACTIVE"), SnapshotStatus.fromElastic("ACTIVE"));
    }

    @Test
    void copyingElasticSnapshotIsCopyingWithoutPercentage() {
        assertEquals(new SnapshotStatus(SnapshotState.COPYING, 0, "COPYING"), SnapshotStatus.fromElastic("COPYING"));
    }

    @Test
    void inaccessibleEncryptionCredentialsIsFailed() {
        assertEquals(SnapshotState.FAILED, SnapshotStatus.fromElastic("INACCESSIBLE_ENCRYPTION_CREDS").state());
    }

    @Test
    void elasticStatusIsReadInAnyCase() {
        assertEquals(SnapshotState.CREATING, SnapshotStatus.fromElastic("creating").state());
    }

    @Test
    void unknownElasticStatusIsOtherAndKeepsTheRawText() {
        SnapshotStatus status = SnapshotStatus.fromElastic("MODIFYING");
        assertEquals(SnapshotState.OTHER, status.state());
        assertEquals("MODIFYING", status.raw());
    }

    @Test
    void percentOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotStatus(SnapshotState.COPYING, 101, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotStatus(SnapshotState.COPYING, -1, "x"));
    }

    @Test
    void onlyCreatingCopyingAndQueuedAreInProgress() {
        assertTrue(SnapshotState.QUEUED.isInProgress());
        assertTrue(SnapshotState.COPYING.isInProgress());
        assertTrue(SnapshotState.CREATING.isInProgress());
        assertFalse(SnapshotState.AVAILABLE.isInProgress());
        assertFalse(SnapshotState.FAILED.isInProgress());
    }
}
