package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.ui.common.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Snapshots, keys and an account for the step ViewModels' tests, which need no simulator. */
final class StepFixtures {

    static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    static final Messages MESSAGES = Messages.load(Locale.ROOT);
    static final AccountRef OWN = new AccountRef("111122223333", "prod", false);
    static final RegionRef EAST = new RegionRef("us-east-1");
    static final RegionRef WEST = new RegionRef("us-west-2");

    private StepFixtures() {
    }

    /** An available, own manual snapshot in us-east-1. */
    static Snapshot snapshot(String id, Engine engine, boolean encrypted, List<Tag> tags) {
        String arn = engine.api() == ApiFamily.DOCDB_ELASTIC
                ? "arn:aws:docdb-elastic:us-east-1:" + OWN.accountId() + ":cluster-snapshot/" + id
                : "arn:aws:rds:us-east-1:" + OWN.accountId() + ":cluster-snapshot:" + id;
        return new Snapshot(id, arn, OWN.accountId(), EAST, engine, "1", "orders", SnapshotType.MANUAL,
                SnapshotStatus.available(), Instant.EPOCH, encrypted,
                encrypted ? "arn:aws:kms:us-east-1:" + OWN.accountId() + ":key/source" : null, tags, null, 20, null,
                null, false);
    }

    static List<CopyTarget> targets(Snapshot... sources) {
        return List.of(sources).stream().map(CopyTarget::new).toList();
    }

    static KmsKey key(String id, RegionRef region, KmsKeyState state) {
        return new KmsKey(id, "arn:aws:kms:" + region.code() + ":" + OWN.accountId() + ":key/" + id,
                List.of("alias/" + id), region, state, false);
    }
}
