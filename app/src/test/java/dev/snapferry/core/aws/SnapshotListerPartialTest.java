package dev.snapferry.core.aws;

import static dev.snapferry.core.aws.SimFixture.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.faults.ServiceFault;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A region whose RDS family answers while one part fails (DocumentDB Elastic's listing, its details, the KMS
 * aliases): the region is partial, says which part, how AWS answered and how often it was tried, keeps the rows
 * that came, marks what was not read as unknown, logs each failure once, and can list that part alone again.
 */
@Timeout(120)
class SnapshotListerPartialTest {

    private SimFixture sim;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger listerLog = (Logger) LoggerFactory.getLogger(SnapshotLister.class);

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        log.start();
        listerLog.addAppender(log);
    }

    @AfterEach
    void stop() {
        listerLog.detachAppender(log);
        sim.close();
    }

    private void fault(String service, String operation, ServiceFault.Kind kind) {
        sim.faults(FaultSettings.none().withServiceFaults(List.of(new ServiceFault(service, operation, kind))));
    }

    private RegionResult.Loaded listComplete() {
        RegionResult result = new SnapshotLister(new KmsDirectory(), 1).list(List.of(sim.production),
                List.of(US_EAST_1), SnapshotLister.Options.COMPLETE, r -> { })
                .orTimeout(60, TimeUnit.SECONDS).join().getFirst();
        assertThat(result).isInstanceOf(RegionResult.Loaded.class);
        return (RegionResult.Loaded) result;
    }

    @Test
    void elasticListingServerErrorMakesTheRegionPartialWithTheStatusAttemptsAndAwsCode() {
        fault("docdb-elastic", "ListClusterSnapshots", ServiceFault.Kind.ERROR);

        RegionResult.Loaded loaded = listComplete();

        assertThat(loaded.isPartial()).isTrue();
        assertThat(loaded.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.part()).isEqualTo(RegionResult.Part.ELASTIC_LIST);
            assertThat(gap.failure()).isInstanceOf(AwsFailure.ServiceError.class);
            assertThat(gap.failure().awsCode()).isEqualTo("InternalServerException");
            assertThat(gap.httpStatus()).isEqualTo(500);
            // The fixture's clients do not retry: one attempt, as the SDK counts it.
            assertThat(gap.attempts()).isEqualTo(1);
        });
        assertThat(loaded.snapshots()).as("the RDS family's rows stay").isNotEmpty()
                .noneMatch(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e -> {
            String text = e.getFormattedMessage();
            assertThat(text).contains(DemoAccounts.PRODUCTION, "us-east-1", "docdb-elastic", "InternalServerException",
                    "500");
        });
    }

    @Test
    void elasticDetailsThatFailLeaveKeyAndTagsUnknownAndCountTheSnapshots() {
        fault("docdb-elastic", "ListTagsForResource", ServiceFault.Kind.THROTTLE);

        RegionResult.Loaded loaded = listComplete();

        List<Snapshot> elastic = loaded.snapshots().stream().filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC)
                .toList();
        assertThat(elastic).isNotEmpty().allMatch(s -> s.isUnknown(Snapshot.Detail.KMS_KEY)
                && s.isUnknown(Snapshot.Detail.TAGS));
        assertThat(loaded.snapshots()).filteredOn(s -> s.engine() != Engine.DOCUMENTDB_ELASTIC).isNotEmpty()
                .allMatch(s -> s.unknown().isEmpty());
        assertThat(loaded.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.part()).isEqualTo(RegionResult.Part.ELASTIC_DETAILS);
            assertThat(gap.failure()).isInstanceOf(AwsFailure.Throttled.class);
            assertThat(gap.httpStatus()).isEqualTo(429);
            assertThat(gap.snapshots()).isEqualTo(elastic.size());
        });
        assertThat(log.list).as("one line for the part, not one per snapshot")
                .filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    }

    @Test
    void listingTheElasticPartAgainAddsItsRowsWithTheirDetailsAndKeepsTheOthers() {
        fault("docdb-elastic", "ListClusterSnapshots", ServiceFault.Kind.ERROR);
        RegionResult.Loaded partial = listComplete();
        sim.faults(FaultSettings.none());

        RegionResult.Loaded again = new SnapshotLister(new KmsDirectory(), 1).listPart(sim.production, US_EAST_1,
                RegionResult.Part.ELASTIC_LIST, partial.snapshots(), SnapshotLister.Options.COMPLETE)
                .orTimeout(60, TimeUnit.SECONDS).join();

        assertThat(again.gaps()).isEmpty();
        assertThat(again.snapshots()).containsAll(partial.snapshots());
        assertThat(again.snapshots()).filteredOn(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).isNotEmpty()
                .allMatch(s -> s.unknown().isEmpty() && s.kmsKeyId() != null);
        assertThat(again.snapshots()).hasSameElementsAs(listComplete().snapshots());
    }

    @Test
    void listingThePartAgainWhileItStillFailsKeepsTheRowsAndTheGap() {
        fault("docdb-elastic", "ListClusterSnapshots", ServiceFault.Kind.ERROR);
        RegionResult.Loaded partial = listComplete();

        RegionResult.Loaded again = new SnapshotLister(new KmsDirectory(), 1).listPart(sim.production, US_EAST_1,
                RegionResult.Part.ELASTIC_LIST, partial.snapshots(), SnapshotLister.Options.COMPLETE)
                .orTimeout(60, TimeUnit.SECONDS).join();

        assertThat(again.snapshots()).isEqualTo(partial.snapshots());
        assertThat(again.gaps()).extracting(RegionResult.Gap::part).containsExactly(RegionResult.Part.ELASTIC_LIST);
    }

    @Test
    void throttledKmsAliasesAreUnknownUntilThatPartIsListedAgain() {
        fault("kms", null, ServiceFault.Kind.THROTTLE);
        RegionResult.Loaded partial = listComplete();
        assertThat(partial.gaps()).extracting(RegionResult.Gap::part).containsExactly(RegionResult.Part.KMS_ALIASES);
        assertThat(partial.gaps().getFirst().failure()).isInstanceOf(AwsFailure.Throttled.class);
        assertThat(partial.snapshots()).filteredOn(s -> s.kmsKeyId() != null).isNotEmpty()
                .allMatch(s -> s.isUnknown(Snapshot.Detail.KMS_ALIAS) && s.kmsKeyAlias() == null);
        sim.faults(FaultSettings.none());

        RegionResult.Loaded again = new SnapshotLister(new KmsDirectory(), 1).listPart(sim.production, US_EAST_1,
                RegionResult.Part.KMS_ALIASES, partial.snapshots(), SnapshotLister.Options.COMPLETE)
                .orTimeout(60, TimeUnit.SECONDS).join();

        assertThat(again.gaps()).isEmpty();
        assertThat(again.snapshots()).noneMatch(s -> s.isUnknown(Snapshot.Detail.KMS_ALIAS))
                .anyMatch(s -> s.kmsKeyAlias() != null);
    }
}
