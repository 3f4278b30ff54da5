package dev.snapferry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotExportTest {

    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/" + KEY_ID;

    /** Encrypted with an aliased key, with every character CSV must protect in its cluster name and tags. */
    private static final Snapshot AWKWARD = new Snapshot("orders-aurora-pre-upgrade",
            "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:orders-aurora-pre-upgrade", "111122223333",
            new RegionRef("eu-west-1"), Engine.AURORA_MYSQL, "8.0.mysql_aurora.3.05.2",
            "orders, \"the big one\"\nsecond line", SnapshotType.MANUAL, SnapshotStatus.fromRds("copying", 42),
            Instant.parse("2026-11-20T05:10:00Z"), true, KEY_ARN,
            List.of(new Tag("Owner", "Zoë Ångström – 日本語 ✓"), new Tag("Note", "a,b;c \"quoted\"\r\nnext"),
                    new Tag("Empty", "")),
            "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-src", 420, "aurora",
            "alias/snapferry-prod-data", false);

    /** Encrypted with a key whose alias is unknown, shared from another account. */
    private static final Snapshot KEY_ONLY = new Snapshot("billing-shared",
            "arn:aws:rds:us-east-1:444455556666:cluster-snapshot:billing-shared", "111122223333",
            new RegionRef("us-east-1"), Engine.AURORA_POSTGRESQL, "15.4", "billing-pg", SnapshotType.SHARED,
            SnapshotStatus.available(), Instant.parse("2026-10-01T00:00:00Z"), true, KEY_ID, List.of(), null, 180,
            "aurora", null, false);

    /** Unencrypted, with nothing optional set. */
    private static final Snapshot BARE = new Snapshot("graph-neptune-monthly",
            "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:graph-neptune-monthly", "111122223333",
            new RegionRef("us-east-1"), Engine.NEPTUNE, null, null, SnapshotType.AUTOMATED,
            SnapshotStatus.fromRds("creating", null), null, false, null, List.of(), null, null, null, null, false);

    @Test
    void csvHasTheHeaderAndOneRowPerSnapshot() throws IOException {
        String csv = write(SnapshotExport.Format.CSV, List.of(AWKWARD, KEY_ONLY, BARE));

        assertThat(csv.lines().findFirst()).contains(String.join(",", SnapshotExport.COLUMNS));
        List<Map<String, String>> rows = readCsv(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row.keySet()).containsExactlyElementsOf(
                SnapshotExport.COLUMNS));
        assertThat(rows).extracting(r -> r.get("identifier")).containsExactly("orders-aurora-pre-upgrade",
                "billing-shared", "graph-neptune-monthly");
    }

    @Test
    void csvValuesSurviveARoundTripWithCommasQuotesNewlinesAndUnicode() throws IOException {
        Map<String, String> row = readCsv(write(SnapshotExport.Format.CSV, List.of(AWKWARD))).getFirst();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("account", "111122223333");
        expected.put("region", "eu-west-1");
        expected.put("engine", "aurora-mysql");
        expected.put("identifier", "orders-aurora-pre-upgrade");
        expected.put("cluster", "orders, \"the big one\"\nsecond line");
        expected.put("type", "manual");
        expected.put("status", "copying");
        expected.put("percent", "42");
        expected.put("created", "2026-11-20T05:10:00Z");
        expected.put("encrypted", "true");
        expected.put("kmsKey", "alias/snapferry-prod-data");
        expected.put("awsManagedKey", "false");
        // The ";" inside a value is escaped: the cell reads back as three tags (see Csv).
        expected.put("tags", "Owner=Zoë Ångström – 日本語 ✓;Note=a,b\\;c \"quoted\"\r\nnext;Empty=");
        expected.put("sourceSnapshot", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-src");
        expected.put("arn", "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:orders-aurora-pre-upgrade");
        assertThat(row).containsExactlyEntriesOf(expected);
    }

    @Test
    void csvShowsTheKeyIdWhenNoAliasIsKnownAndLeavesAbsentValuesEmpty() throws IOException {
        List<Map<String, String>> rows = readCsv(write(SnapshotExport.Format.CSV, List.of(KEY_ONLY, BARE)));

        assertThat(rows.get(0)).containsEntry("kmsKey", KEY_ID).containsEntry("account", "444455556666")
                .containsEntry("type", "shared").containsEntry("tags", "");
        assertThat(rows.get(1)).containsEntry("kmsKey", "").containsEntry("created", "")
                .containsEntry("cluster", "").containsEntry("encrypted", "false").containsEntry("status", "creating");
    }

    @Test
    void jsonHasOneObjectPerSnapshotWithTagsAsAnObject() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(write(SnapshotExport.Format.JSON,
                List.of(AWKWARD, KEY_ONLY, BARE)));

        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(3);
        JsonNode first = rows.get(0);
        assertThat(first.get("tags").isObject()).isTrue();
        assertThat(first.get("tags").get("Owner").asText()).isEqualTo("Zoë Ångström – 日本語 ✓");
        assertThat(first.get("tags").get("Note").asText()).isEqualTo("a,b;c \"quoted\"\r\nnext");
        assertThat(first.get("tags").get("Empty").asText()).isEmpty();
        assertThat(first.get("cluster").asText()).isEqualTo("orders, \"the big one\"\nsecond line");
        assertThat(first.get("kmsKey").asText()).isEqualTo("alias/snapferry-prod-data");
        assertThat(first.get("percent").asInt()).isEqualTo(42);
        assertThat(first.get("encrypted").asBoolean()).isTrue();
        assertThat(rows.get(1).get("kmsKey").asText()).isEqualTo(KEY_ID);
        assertThat(rows.get(1).get("tags").isObject()).isTrue();
        assertThat(rows.get(1).get("tags")).isEmpty();
        assertThat(rows.get(2).get("kmsKey").isNull()).isTrue();
        List<String> fields = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(SnapshotExport.COLUMNS);
    }

    @Test
    void anEmptyListIsAHeaderOrAnEmptyArray() throws IOException {
        assertThat(write(SnapshotExport.Format.CSV, List.of()).strip())
                .isEqualTo(String.join(",", SnapshotExport.COLUMNS));
        assertThat(new ObjectMapper().readTree(write(SnapshotExport.Format.JSON, List.of()))).isEmpty();
    }

    @Test
    void whatCouldNotBeReadIsWrittenAsUnknownNotAsNone() throws IOException {
        Snapshot unread = BARE.withUnknown(Snapshot.Detail.TAGS, Snapshot.Detail.KMS_KEY);
        Snapshot noAlias = KEY_ONLY.withUnknown(Snapshot.Detail.KMS_ALIAS);

        List<Map<String, String>> csv = readCsv(write(SnapshotExport.Format.CSV, List.of(unread, noAlias, AWKWARD)));
        assertThat(csv.get(0)).containsEntry("tags", "unknown").containsEntry("kmsKey", "unknown")
                .containsEntry("awsManagedKey", "unknown");
        assertThat(csv.get(1)).containsEntry("kmsKey", KEY_ID).containsEntry("awsManagedKey", "unknown");
        assertThat(csv.get(2)).containsEntry("awsManagedKey", "false");

        JsonNode json = new ObjectMapper().readTree(write(SnapshotExport.Format.JSON, List.of(unread, BARE)));
        assertThat(json.get(0).get("tags").isNull()).isTrue();
        assertThat(json.get(0).get("kmsKey").isNull()).isTrue();
        assertThat(json.get(1).get("tags").isObject()).as("read, and empty").isTrue();
    }

    private static String write(SnapshotExport.Format format, List<Snapshot> snapshots) throws IOException {
        StringWriter out = new StringWriter();
        SnapshotExport.write(format, snapshots, out);
        return out.toString();
    }

    private static List<Map<String, String>> readCsv(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
