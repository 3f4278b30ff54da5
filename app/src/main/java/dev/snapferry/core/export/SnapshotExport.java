package dev.snapferry.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes snapshots as CSV or JSON: the listing of {@code --list} and the browser's export. One row per snapshot
 * with the account, region, engine, identifier, type, status, encryption, key and tags.
 */
public final class SnapshotExport {

    public enum Format {
        CSV,
        JSON
    }

    static final List<String> COLUMNS = List.of("account", "region", "engine", "identifier", "cluster", "type",
            "status", "percent", "created", "encrypted", "kmsKey", "awsManagedKey", "tags", "sourceSnapshot", "arn");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private SnapshotExport() {
    }

    public static void write(Format format, List<Snapshot> snapshots, Writer out) throws IOException {
        switch (format) {
            case CSV -> csv(snapshots, out);
            case JSON -> json(snapshots, out);
        }
    }

    private static void csv(List<Snapshot> snapshots, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        try (var writer = CSV.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (Snapshot s : snapshots) {
                Map<String, Object> row = row(s);
                row.put("tags", s.tags().stream().map(t -> t.key() + "=" + t.value())
                        .collect(Collectors.joining(";")));
                List<Object> values = new ArrayList<>();
                COLUMNS.forEach(c -> values.add(row.get(c)));
                writer.write(values);
            }
        }
    }

    private static void json(List<Snapshot> snapshots, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(snapshots.size());
        for (Snapshot s : snapshots) {
            Map<String, Object> row = row(s);
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag t : s.tags()) {
                tags.put(t.key(), t.value());
            }
            row.put("tags", tags);
            rows.add(row);
        }
        JSON.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, rows);
        out.write(System.lineSeparator());
    }

    private static Map<String, Object> row(Snapshot s) {
        Map<String, Object> row = new LinkedHashMap<>();
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
