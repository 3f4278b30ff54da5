package dev.snapferry.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes snapshots as CSV or JSON: the listing of {@code --list} and the browser's export. One row per snapshot
 * with the account, region, engine, identifier, type, status, encryption, key and tags. CSV cells are written by
 * {@link Csv} (formulas neutralised, tags escaped); JSON carries the tags as an object.
 */
public final class SnapshotExport {

    public enum Format {
        CSV,
        JSON
    }

    static final List<String> COLUMNS = List.of("account", "region", "engine", "identifier", "cluster", "type",
            "status", "percent", "created", "encrypted", "kmsKey", "awsManagedKey", "tags", "sourceSnapshot", "arn");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a CSV cell says when its value could not be read; JSON says {@code null}. */
    private static final String UNKNOWN = "unknown";

    private SnapshotExport() {
    }

    public static void write(Format format, List<Snapshot> snapshots, Writer out) throws IOException {
        switch (format) {
            case CSV -> csv(snapshots, out);
            case JSON -> json(snapshots, out);
        }
    }

    /**
     * RFC 4180 through {@link Csv}: formula-like cells neutralised, tags in one cell of escaped {@code key=value}
     * pairs that reads back unambiguously.
     */
    private static void csv(List<Snapshot> snapshots, Writer out) throws IOException {
        Csv.record(out, COLUMNS);
        for (Snapshot s : snapshots) {
            Map<String, @Nullable Object> row = row(s);
            row.put("tags", s.isUnknown(Snapshot.Detail.TAGS) ? UNKNOWN : Csv.tags(s.tags()));
            unknownAs(s, row, UNKNOWN);
            List<@Nullable Object> values = new ArrayList<>(COLUMNS.size());
            COLUMNS.forEach(c -> values.add(row.get(c)));
            Csv.record(out, values);
        }
    }

    private static void json(List<Snapshot> snapshots, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(snapshots.size());
        for (Snapshot s : snapshots) {
            Map<String, @Nullable Object> row = row(s);
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag t : s.tags()) {
                tags.put(t.key(), t.value());
            }
            row.put("tags", s.isUnknown(Snapshot.Detail.TAGS) ? null : tags);
            unknownAs(s, row, null);
            rows.add(row);
        }
        JSON.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, rows);
        out.write(System.lineSeparator());
    }

    /**
     * A key or key kind that could not be read (DocumentDB Elastic's details, KMS aliases) is written as unknown,
     * never as an empty cell or {@code false}, which would read as "no key" or "customer managed".
     */
    private static void unknownAs(Snapshot s, Map<String, @Nullable Object> row, @Nullable Object unknown) {
        if (s.isUnknown(Snapshot.Detail.KMS_KEY)) {
            row.put("kmsKey", unknown);
        }
        if (s.isUnknown(Snapshot.Detail.KMS_KEY) || s.isUnknown(Snapshot.Detail.KMS_ALIAS)) {
            row.put("awsManagedKey", unknown);
        }
    }

    private static Map<String, @Nullable Object> row(Snapshot s) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("account", s.ownerAccountId());
        row.put("region", s.region().code());
        row.put("engine", s.engine().canonicalRawName());
        row.put("identifier", s.identifier());
        row.put("cluster", s.clusterIdentifier());
        row.put("type", s.type().raw());
        row.put("status", s.status().raw());
        row.put("percent", s.status().percent());
        row.put("created", s.createTime() == null ? null : s.createTime().toString());
        row.put("encrypted", s.storageEncrypted());
        row.put("kmsKey", s.kmsKeyAlias() != null ? s.kmsKeyAlias() : s.kmsKeyId());
        row.put("awsManagedKey", s.awsManagedKey());
        row.put("sourceSnapshot", s.sourceSnapshotArn());
        row.put("arn", s.arn());
        return row;
    }
}
