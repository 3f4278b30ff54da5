package dev.snapferry.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.Cost;
import dev.snapferry.core.coverage.CoverageReport;
import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.RetentionPlan;
import dev.snapferry.core.model.Snapshot;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The coverage report, a retention dry run and a retention run's results as CSV (through {@link Csv}) or JSON, the
 * same columns both ways. Costs are monthly upper bounds in US dollars; an empty cost is unknown, not zero.
 */
public final class CoverageExport {

    public enum Format { CSV, JSON }

    static final List<String> COVERAGE = List.of("account", "region", "engine", "cluster", "existence", "status",
            "reasons", "newestOwn", "newestOwnAgeHours", "newestRegionCopy", "newestRegionCopyAgeHours",
            "newestAccountCopy", "newestAccountCopyAgeHours", "findings", "snapshots");
    static final List<String> PLAN = List.of("action", "keptBecause", "account", "region", "engine", "cluster",
            "identifier", "type", "created", "sizeGiB", "monthlyCostUpperBoundUsd", "arn");
    static final List<String> RESULTS = List.of("result", "at", "account", "region", "identifier", "awsCode",
            "awsMessage", "arn");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CoverageExport() {
    }

    public static void coverage(Format format, CoverageReport report, Writer out) throws IOException {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (ClusterCoverage c : report.clusters()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("account", c.key().accountId());
            row.put("region", c.key().region().code());
            row.put("engine", c.key().engine().canonicalRawName());
            row.put("cluster", c.key().identifier());
            row.put("existence", c.existence().name().toLowerCase(java.util.Locale.ROOT));
            row.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            row.put("reasons", c.reasons().stream().map(CoverageExport::reason).collect(Collectors.joining("; ")));
            snapshot(row, "newestOwn", c.newestOwn(), report);
            snapshot(row, "newestRegionCopy", c.newestRegionCopy(), report);
            snapshot(row, "newestAccountCopy", c.newestAccountCopy(), report);
            row.put("findings", c.findings().stream().map(CoverageExport::finding)
                    .collect(Collectors.joining("; ")));
            row.put("snapshots", c.snapshotCount());
            rows.add(row);
        }
        write(format, COVERAGE, rows, out);
    }

    public static void plan(Format format, RetentionPlan plan, PriceTable prices, Writer out) throws IOException {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (RetentionPlan.Decision d : plan.decisions()) {
            Snapshot s = d.snapshot();
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("action", d.deletes() ? "delete" : "keep");
            row.put("keptBecause", d.protections().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                    .sorted().collect(Collectors.joining(";")));
            row.put("account", s.ownerAccountId());
            row.put("region", s.region().code());
            row.put("engine", s.engine().canonicalRawName());
            row.put("cluster", d.cluster() == null ? null : d.cluster().identifier());
            row.put("identifier", s.identifier());
            row.put("type", s.type().raw());
            row.put("created", s.createTime() == null ? null : s.createTime().toString());
            row.put("sizeGiB", s.dataSizeGiB());
            OptionalDouble cost = Cost.of(s, prices);
            row.put("monthlyCostUpperBoundUsd", cost.isPresent() ? round(cost.getAsDouble()) : null);
            row.put("arn", s.arn());
            rows.add(row);
        }
        write(format, PLAN, rows, out);
    }

    public static void results(Format format, List<Deletion> deletions, Writer out) throws IOException {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (Deletion d : deletions) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("result", d.result());
            row.put("at", d.at().toString());
            row.put("account", d.snapshot().ownerAccountId());
            row.put("region", d.snapshot().region().code());
            row.put("identifier", d.snapshot().identifier());
            row.put("awsCode", d.awsCode());
            row.put("awsMessage", d.awsMessage());
            row.put("arn", d.snapshot().arn());
            rows.add(row);
        }
        write(format, RESULTS, rows, out);
    }

    private static void snapshot(Map<String, @Nullable Object> row, String column, @Nullable Snapshot s,
                                 CoverageReport report) {
        row.put(column, s == null ? null : s.arn());
        Duration age = ClusterCoverage.age(s, report.now());
        row.put(column + "AgeHours", age == null ? null : age.toHours());
    }

    static String reason(ClusterCoverage.Reason reason) {
        return switch (reason) {
            case ClusterCoverage.Reason.Missing m -> "no copy in another " + (m.account() ? "account" : "region");
            case ClusterCoverage.Reason.TooOld t -> "newest copy in another " + (t.account() ? "account" : "region")
                    + " is " + t.age().toHours() + " h old, over " + t.limitHours() + " h";
        };
    }

    static String finding(ClusterCoverage.Finding finding) {
        return switch (finding) {
            case ClusterCoverage.Finding.CopyTagsOff off -> "CopyTagsToSnapshot off"
                    + (off.command().isEmpty() ? "" : " (" + off.command() + ")");
            case ClusterCoverage.Finding.ShortRetention r -> "backup retention " + r.days() + " days";
            case ClusterCoverage.Finding.DeprecatedVersion v -> "engine version " + v.version() + " deprecated";
        };
    }

    private static double round(double dollars) {
        return Math.round(dollars * 100) / 100.0;
    }

    private static void write(Format format, List<String> columns, List<Map<String, @Nullable Object>> rows,
                              Writer out) throws IOException {
        if (format == Format.JSON) {
            JSON.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, rows);
            out.write(System.lineSeparator());
            return;
        }
        Csv.record(out, columns);
        for (Map<String, @Nullable Object> row : rows) {
            List<@Nullable Object> values = new ArrayList<>(columns.size());
            columns.forEach(c -> values.add(row.get(c)));
            Csv.record(out, values);
        }
    }
}
