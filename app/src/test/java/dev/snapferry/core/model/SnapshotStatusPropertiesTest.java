package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SnapshotStatusPropertiesTest {

    @Property(tries = 2000)
    void rdsPercentIsAlwaysInRange(@ForAll String status, @ForAll Integer percent) {
        SnapshotStatus folded = SnapshotStatus.fromRds(status, percent);
        assertTrue(folded.percent() >= 0 && folded.percent() <= 100);
        assertEquals(status.strip(), folded.raw());
    }

    @Property(tries = 2000)
    void elasticStatusIsAlwaysFoldedAndKept(@ForAll String status) {
        SnapshotStatus folded = SnapshotStatus.fromElastic(status);
        assertEquals(status.strip(), folded.raw());
        assertEquals(folded.state() == SnapshotState.AVAILABLE ? 100 : 0, folded.percent());
    }
}
