package dev.snapferry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    private static Snapshot snapshot(String id, boolean encrypted, Tag... tags) {
        return new Snapshot(id, "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:" + id, "111122223333",
                new RegionRef("us-east-1"), Engine.AURORA_MYSQL, "1", "c", SnapshotType.MANUAL,
                SnapshotStatus.available(), Instant.EPOCH, encrypted, encrypted ? "key-1" : null, List.of(tags),
                null, 1, null, encrypted ? "alias/orders" : null, false);
    }

    private final Snapshot hostile = snapshot("orders-<b>1</b>", false, new Tag("Owner", "=HYPERLINK(\"x\")"));
    private final Snapshot fine = snapshot("orders-2", true, new Tag("Owner", "dba"));
    private final Audit audit = Audit.of(List.of(hostile, fine), TagPolicy.requiring(List.of("Owner", "Ticket")),
            Map.of(hostile.arn(), new Exposure(Set.of("all")), fine.arn(), new Exposure(Set.of())));

    private String write(AuditExport.Format format) throws Exception {
        StringWriter out = new StringWriter();
        AuditExport.write(format, audit, Instant.parse("2026-11-22T08:00:00Z"), k -> k.equals("AURORA") ? "Aurora"
                : k, out);
        return out.toString();
    }

    @Test
    void csvHasTheSummaryThenTheFindingsAndNeverAFormula() throws Exception {
        List<String> lines = write(AuditExport.Format.CSV).lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", AuditExport.CSV_COLUMNS));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("summary,encryptionByEngine,Aurora,UNENCRYPTED,1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("summary,sharing,,PUBLIC,1"));
        assertThat(lines.stream().filter(l -> l.startsWith("finding,"))).hasSize(2);
        // The hostile tag value reaches the CSV in the findings' problems only if the policy names it; the
        // identifier does: each cell went through Csv, the one writer, whose neutralising CsvTest checks.
        assertThat(Rfc4180.parse(write(AuditExport.Format.CSV)).stream().flatMap(List::stream))
                .noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0);
    }

    @Test
    void snapshotsWhoseKeyOrTagsWereNotReadAreCountedAsNotChecked() {
        Snapshot unread = snapshot("orders-3", true).withUnknown(Snapshot.Detail.KMS_KEY, Snapshot.Detail.TAGS);
        Audit withUnread = Audit.of(List.of(fine, unread), TagPolicy.requiring(List.of("Owner")), Map.of());

        assertThat(AuditExport.summary(withUnread))
                .contains(new AuditExport.SummaryRow("kmsKeys", "", "NOT_CHECKED", 1))
                .contains(new AuditExport.SummaryRow("complianceByEngine", "AURORA", "NOT_CHECKED", 1));
        assertThat(AuditExport.summary(audit)).noneMatch(r -> r.category().equals("NOT_CHECKED")
                && r.chart().equals("kmsKeys"));
    }

    @Test
    void jsonCarriesThePolicyTheChartsAndEachViolation() throws Exception {
        JsonNode root = new ObjectMapper().readTree(write(AuditExport.Format.JSON));
        assertThat(root.get("snapshots").asInt()).isEqualTo(2);
        assertThat(root.get("policy")).hasSize(2);
        assertThat(root.at("/summary/encryptionByEngine")).hasSize(2);
        assertThat(root.get("findings")).hasSize(2);
        // Findings come by account, region and identifier: "orders-2" sorts before "orders-<b>1</b>".
        assertThat(root.get("findings").get(0).get("identifier").asText()).isEqualTo("orders-2");
        JsonNode first = root.get("findings").get(1);
        assertThat(first.get("identifier").asText()).isEqualTo("orders-<b>1</b>");
        assertThat(first.get("problems").asText()).isEqualTo("lacks Ticket; not encrypted; public");
        assertThat(first.get("tagViolations").get(0).get("key").asText()).isEqualTo("Ticket");
    }

    @Test
    void theHtmlPageIsSelfContainedAndEscapesWhatAwsReturns() throws Exception {
        String html = write(AuditExport.Format.HTML);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(html).contains("orders-&lt;b&gt;1&lt;/b&gt;").doesNotContain("<b>1</b>");
        assertThat(html).contains("Findings (2)");
    }
}
