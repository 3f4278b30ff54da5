package dev.snapferry.bench;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.AuditPropertiesTest;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.export.AuditExport;
import dev.snapferry.core.model.Snapshot;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit of 100,000 snapshots: computed off the UI thread after every listing change, so it must be quick
 * enough that the charts follow a refresh within a moment; and the HTML report of the same fleet.
 */
class AuditBenchmark {

    private static final int SNAPSHOTS = 100_000;

    @Test
    void auditAndReportOfAHundredThousandSnapshots() throws Exception {
        List<Snapshot> fleet = AuditPropertiesTest.fleet(new Random(8), SNAPSHOTS);
        Map<String, Exposure> exposure = new HashMap<>();
        for (int i = 0; i < fleet.size(); i += 3) {
            exposure.put(fleet.get(i).arn(), new Exposure(i % 30 == 0 ? Set.of("all") : Set.of()));
        }
        TagPolicy policy = new TagPolicy(List.of(new TagPolicy.Rule("Owner", ""),
                new TagPolicy.Rule("Environment", "production|staging"), new TagPolicy.Rule("CostCenter", "cc-\\d+")));
        for (int i = 0; i < 6; i++) {
            Audit.of(fleet, policy, exposure);
        }
        List<Double> times = new ArrayList<>();
        Audit audit = null;
        for (int i = 0; i < 9; i++) {
            long start = System.nanoTime();
            audit = Audit.of(fleet, policy, exposure);
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(null);
        BenchResults.below("audit.100k.compute", times.get(times.size() / 2), "ms", 250);

        List<Double> reports = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < 5; i++) {
            StringWriter out = new StringWriter();
            long start = System.nanoTime();
            AuditExport.write(AuditExport.Format.HTML, audit, Instant.now(), k -> k, out);
            reports.add((System.nanoTime() - start) / 1e6);
            length = out.getBuffer().length();
        }
        reports.sort(null);
        System.out.printf("BENCH audit HTML report: %d findings, %.1f MB%n", audit.findings().size(),
                length / 1e6);
        BenchResults.below("audit.100k.htmlReport", reports.get(reports.size() / 2), "ms", 2000);
    }
}
