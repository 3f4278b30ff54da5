package dev.snapferry.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotQueryTest {

    private static final TagPolicy POLICY = TagPolicy.requiring(List.of("Environment", "Owner"));

    private static Snapshot snapshot(String id, Engine engine, SnapshotType type, boolean encrypted, String alias,
                                     boolean awsManaged, SnapshotStatus status, Tag... tags) {
        String account = type.isForeign() ? "444455556666" : "111122223333";
        return new Snapshot(id, "arn:aws:rds:us-east-1:" + account + ":cluster-snapshot:" + id, "111122223333",
                new RegionRef("us-east-1"), engine, "1", "orders-cluster", type, status, Instant.EPOCH, encrypted,
                encrypted ? "key-1" : null, List.of(tags), null, 10, "aurora", alias, awsManaged);
    }

    private final Snapshot tagged = snapshot("orders-2026", Engine.AURORA_MYSQL, SnapshotType.MANUAL, true,
            "alias/prod-data", false, SnapshotStatus.available(), new Tag("Environment", "Production"),
            new Tag("Owner", "payments"));
    private final Snapshot plain = snapshot("rds:catalog-2026-11-01-05-10", Engine.DOCUMENTDB,
            SnapshotType.AUTOMATED, false, null, false, SnapshotStatus.available());
    private final Snapshot managed = snapshot("billing-1", Engine.AURORA_POSTGRESQL, SnapshotType.MANUAL, true,
            "alias/aws/rds", true, SnapshotStatus.fromRds("copying", 40), new Tag("Environment", "prod"));
    private final Snapshot shared = snapshot("dr-graph", Engine.NEPTUNE, SnapshotType.SHARED, true, null, false,
            SnapshotStatus.fromRds("copying", 0));

    private final List<Snapshot> all = List.of(tagged, plain, managed, shared);

    private List<Snapshot> run(SnapshotQuery query) {
        return all.stream().filter(query::matches).toList();
    }

    @Test
    void everythingByDefault() {
        assertThat(run(SnapshotQuery.all(POLICY))).containsExactlyElementsOf(all);
    }

    @Test
    void engineFamiliesAndTypesNarrow() {
        SnapshotQuery query = new SnapshotQuery(EnumSet.of(EngineFamily.AURORA, EngineFamily.NEPTUNE),
                EnumSet.of(SnapshotType.MANUAL, SnapshotType.SHARED), Set.of(), "", POLICY);
        assertThat(run(query)).containsExactly(tagged, managed, shared);
    }

    @Test
    void eachQuickFilterAnswersItsQuestion() {
        assertThat(run(quick(QuickFilter.UNENCRYPTED))).containsExactly(plain);
        assertThat(run(quick(QuickFilter.AWS_MANAGED_KEY))).containsExactly(managed);
        assertThat(run(quick(QuickFilter.MISSING_REQUIRED_TAGS))).containsExactly(plain, managed, shared);
        assertThat(run(quick(QuickFilter.SHARED_OR_PUBLIC))).containsExactly(shared);
        assertThat(run(quick(QuickFilter.IN_PROGRESS))).containsExactly(managed, shared);
        assertThat(run(quick(QuickFilter.IN_PROGRESS, QuickFilter.AWS_MANAGED_KEY))).containsExactly(managed);
    }

    @Test
    void searchMatchesIdentifierClusterTagsAndAliasIgnoringCase() {
        SnapshotQuery all = SnapshotQuery.all(POLICY);
        assertThat(run(all.withSearch("ORDERS-2026"))).containsExactly(tagged);
        assertThat(run(all.withSearch("orders-cluster"))).containsExactlyElementsOf(this.all);
        assertThat(run(all.withSearch("payments"))).containsExactly(tagged);
        assertThat(run(all.withSearch("environment prod"))).containsExactly(tagged, managed);
        assertThat(run(all.withSearch("aws/rds"))).containsExactly(managed);
        assertThat(run(all.withSearch("   "))).containsExactlyElementsOf(this.all);
        assertThat(run(all.withSearch("nothing-like-this"))).isEmpty();
    }

    @Test
    void wordsDoNotMatchAcrossTwoFields() {
        assertThat(run(SnapshotQuery.all(POLICY).withSearch("productionowner"))).isEmpty();
    }

    @Test
    void missingTagsAreNamed() {
        assertThat(POLICY.violations(plain)).extracting(TagViolation::key).containsExactly("Environment", "Owner");
        assertThat(POLICY.violations(managed)).extracting(TagViolation::describe).containsExactly("lacks Owner");
        assertThat(POLICY.compliant(tagged)).isTrue();
    }

    private static SnapshotQuery quick(QuickFilter... filters) {
        return new SnapshotQuery(EnumSet.allOf(EngineFamily.class), EnumSet.allOf(SnapshotType.class),
                Set.of(filters), "", POLICY);
    }
}
