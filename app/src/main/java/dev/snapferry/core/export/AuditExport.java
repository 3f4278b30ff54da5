package dev.snapferry.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.TagViolation;
import dev.snapferry.core.model.Snapshot;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Audit} for a security team: its summary (every chart's numbers) and its findings (the snapshots
 * that break the tag policy, are not encrypted or are public), as CSV, JSON, or one self-contained HTML page whose
 * charts are inline SVG, readable offline and printable.
 */
public final class AuditExport {

    public enum Format {
        CSV,
        JSON,
        HTML
    }

    /** The CSV is one long table: {@code summary} rows first (a count per chart bar), then {@code finding} rows. */
    static final List<String> CSV_COLUMNS = List.of("record", "chart", "group", "category", "count", "account",
            "region", "engine", "identifier", "encrypted", "kmsKey", "sharing", "problems", "arn");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {
    }

    /**
     * @param labels the words for groups and categories as the app shows them (engine families, categories);
     *               an unknown text is written as it is
     */
    public static void write(Format format, Audit audit, Instant generated, Function<String, String> labels,
                             Writer out) throws IOException {
        switch (format) {
            case CSV -> csv(audit, labels, out);
            case JSON -> json(audit, generated, out);
            case HTML -> AuditHtml.write(audit, generated, labels, out);
        }
    }

    /** Every chart of the audit as (chart, group, category, count) rows. */
    static List<SummaryRow> summary(Audit audit) {
        List<SummaryRow> rows = new ArrayList<>();
        slices(rows, "encryptionByEngine", audit.encryptionByEngine());
        slices(rows, "encryptionByRegion", audit.encryptionByRegion());
        audit.keys().forEach(k -> rows.add(new SummaryRow("kmsKeys", k.label(),
                k.awsManaged() ? "AWS_MANAGED" : "CUSTOMER_MANAGED", k.count())));
        if (!audit.keysNotChecked().isEmpty()) {
            // Encrypted, but the key could not be read: in no key's row, and said so rather than dropped.
            rows.add(new SummaryRow("kmsKeys", "", "NOT_CHECKED", audit.keysNotChecked().size()));
        }
        slices(rows, "complianceByEngine", audit.complianceByEngine());
        slices(rows, "complianceByRegion", audit.complianceByRegion());
        slices(rows, "complianceByAccount", audit.complianceByAccount());
        slices(rows, "sharing", audit.sharing());
        return rows;
    }

    record SummaryRow(String chart, String group, String category, int count) {
    }

    private static <C extends Enum<C>> void slices(List<SummaryRow> rows, String chart, List<Audit.Slice<C>> slices) {
        slices.forEach(s -> rows.add(new SummaryRow(chart, s.group(), s.category().name(), s.count())));
    }

    /** Written by {@link Csv}, the exports' one CSV writer: a cell a spreadsheet would run is neutralised there. */
    private static void csv(Audit audit, Function<String, String> labels, Writer out) throws IOException {
        Csv.record(out, CSV_COLUMNS);
        for (SummaryRow row : summary(audit)) {
            Csv.record(out, values(Map.of("record", "summary", "chart", row.chart(),
                    "group", labels.apply(row.group()), "category", row.category(), "count", row.count())));
        }
        for (Audit.Finding f : audit.findings()) {
            Map<String, Object> row = finding(f);
            row.put("record", "finding");
            Csv.record(out, values(row));
        }
    }

    private static List<@Nullable Object> values(Map<String, ?> row) {
        List<@Nullable Object> values = new ArrayList<>(CSV_COLUMNS.size());
        for (String column : CSV_COLUMNS) {
            values.add(row.get(column));
        }
        return values;
    }

    private static Map<String, Object> finding(Audit.Finding f) {
        Snapshot s = f.snapshot();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account", s.accountId());
        row.put("region", s.region().code());
        row.put("engine", s.engine().canonicalRawName());
        row.put("identifier", s.identifier());
        row.put("encrypted", s.storageEncrypted());
        row.put("kmsKey", s.kmsKeyAlias() != null ? s.kmsKeyAlias() : s.kmsKeyId());
        row.put("sharing", f.sharing().name());
        row.put("problems", f.describe());
        row.put("arn", s.arn());
        return row;
    }

    private static void json(Audit audit, Instant generated, Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated", generated.toString());
        root.put("snapshots", audit.total());
        root.put("policy", audit.policy().rules().stream().map(r -> Map.of("key", r.key(),
                "allowedValues", r.allowedValues())).toList());
        Map<String, List<Map<String, Object>>> charts = new LinkedHashMap<>();
        for (SummaryRow row : summary(audit)) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("group", row.group());
            bar.put("category", row.category());
            bar.put("count", row.count());
            charts.computeIfAbsent(row.chart(), c -> new ArrayList<>()).add(bar);
        }
        root.put("summary", charts);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Audit.Finding f : audit.findings()) {
            Map<String, Object> row = finding(f);
            row.put("tagViolations", f.tags().stream().map(AuditExport::violation).toList());
            findings.add(row);
        }
        root.put("findings", findings);
        JSON.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
        out.write(System.lineSeparator());
    }

    private static Map<String, Object> violation(TagViolation v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", v.key());
        map.put("value", v.value());
        map.put("allowedValues", v.allowedValues());
        map.put("problem", v.describe());
        return map;
    }
}
