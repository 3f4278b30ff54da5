package dev.snapferry.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoveragePricesTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    @Test
    void theBundledTableSaysWhenAndWhereItsFiguresComeFrom() {
        PriceTable prices = PriceTable.bundled();

        assertThat(prices.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(prices.source()).contains("https://aws.amazon.com/");
        assertThat(prices.provenance()).contains("NOT read from the AWS Price List API");
        assertThat(prices.storage(Engine.RDS_MULTI_AZ_CLUSTER, EAST)).isPresent();
    }

    @Test
    void aSnapshotWhoseSizeAWSDoesNotReportHasAnUnknownCostNeverAGuess() {
        PriceTable prices = PriceTable.bundled();
        Snapshot aurora = snapshot(Engine.AURORA_MYSQL, 1, EAST);
        Snapshot multiAz = snapshot(Engine.RDS_MULTI_AZ_CLUSTER, 200, EAST);
        Snapshot unpriced = snapshot(Engine.RDS_MULTI_AZ_CLUSTER, 200, new RegionRef("ap-southeast-2"));

        assertThat(Cost.of(aurora, prices)).isEmpty();
        assertThat(Cost.of(multiAz, prices)).hasValue(200 * 0.095);
        Cost sum = Cost.sum(List.of(aurora, multiAz, unpriced), prices);
        assertThat(sum.priced()).isEqualTo(1);
        assertThat(sum.unknown()).isEqualTo(2);
        assertThat(sum.gib()).isEqualTo(200);
        assertThat(Cost.transfer(multiAz, new RegionRef("us-west-2"), prices)).hasValue(200 * 0.02);
        assertThat(Cost.transfer(aurora, new RegionRef("us-west-2"), prices)).isEmpty();
    }

    @Test
    void aTableWithoutItsDateOrWithANegativePriceIsRefused() {
        assertThatThrownBy(() -> read("{\"source\":\"x\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> read("{\"asOf\":\"2026-01-01\",\"source\":\"x\",\"storagePerGbMonth\":"
                + "{\"NEPTUNE\":{\"us-east-1\":-1}}}")).isInstanceOf(IOException.class).hasMessageContaining("price");
        assertThatThrownBy(() -> read("{\"asOf\":\"2026-01-01\",\"source\":\"x\",\"storagePerGbMonth\":"
                + "{\"MONGO\":{}}}")).isInstanceOf(IOException.class).hasMessageContaining("MONGO");
    }

    @Test
    void ageBandsSplitEverySnapshotOnce() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(AgeReport.Band.of(java.time.Duration.ofHours(23))).isEqualTo(AgeReport.Band.UNDER_1_DAY);
        assertThat(AgeReport.Band.of(java.time.Duration.ofDays(1))).isEqualTo(AgeReport.Band.DAYS_1_TO_30);
        assertThat(AgeReport.Band.of(java.time.Duration.ofDays(90))).isEqualTo(AgeReport.Band.DAYS_90_TO_365);
        assertThat(AgeReport.Band.of(java.time.Duration.ofDays(4000))).isEqualTo(AgeReport.Band.OVER_1_YEAR);
        List<AgeReport.Row> rows = AgeReport.of(List.of(snapshot(Engine.NEPTUNE, 1, EAST)), PriceTable.bundled(),
                now);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.band()).isEqualTo(AgeReport.Band.DAYS_30_TO_90);
            assertThat(r.cost().unknown()).isEqualTo(1);
        });
    }

    private static PriceTable read(String json) throws IOException {
        return PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Snapshot snapshot(Engine engine, int gib, RegionRef region) {
        return new Snapshot("s", "arn:aws:rds:" + region + ":111122223333:cluster-snapshot:s", "111122223333",
                region, engine, null, "c", SnapshotType.MANUAL, SnapshotStatus.available(),
                Instant.parse("2026-10-01T00:00:00Z"), true, null, List.of(), null, gib, null, null, false);
    }
}
