package dev.snapferry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags an owner may really put on snapshots, chosen to break a careless CSV: set on real snapshots of the
 * simulator through the SDK (each within what that service accepts), then listed back; and the check that a CSV
 * export of snapshots reads back, cell by cell, through {@link Rfc4180}.
 */
public final class HostileTags {

    /**
     * RDS-family tags: letters, digits, spaces and {@code _ . : / = + -} only (AWS's tag character set), so the
     * hostile part is {@code =} everywhere and formula characters in front. The first key starts with {@code +}:
     * on a snapshot without tags of its own, the tags cell then starts as a formula would.
     */
    public static final List<Tag> RDS = List.of(new Tag("+plus", "-minus"), new Tag("a=b", "=1+2"),
            new Tag("=lead", "c=d=e"), new Tag("path:/x", ""));

    /**
     * Elastic tags: keys match {@code [a-zA-Z+-=._:/]+}, whose range {@code +-=} takes in {@code , ; < =} and
     * digits; values have no pattern at all. So commas, semicolons, quotes, line breaks, a backslash and a value
     * that starts with {@code =} all reach the CSV from a real listing.
     */
    public static final List<Tag> ELASTIC = List.of(new Tag("-cost,center;a=b", "=HYPERLINK(\"http://x.test\",\"y\")"),
            new Tag("note", "a \"quoted\", value\nsecond; line\r\nthird = 3"), new Tag("k.9", "back\\slash\\;="),
            new Tag("at", "@SUM(A1)"), new Tag("tick", "'=not a formula"), new Tag("tab", "\tstarts with a tab"));

    private HostileTags() {
    }

    /**
     * Puts {@link #RDS} on an RDS-family manual snapshot of the account's own in place of its tags, and {@link #ELASTIC} on an
     * Elastic one, both in {@code region}, through the SDK. Returns the two, as they were before.
     */
    public static List<Snapshot> tag(AccountSession session, RegionRef region) {
        List<Snapshot> own = list(session, region).stream().filter(s -> !s.isForeign() && !s.isAutomated())
                .toList();
        Snapshot rds = own.stream().filter(s -> s.engine().api() == ApiFamily.RDS).findFirst().orElseThrow();
        Snapshot elastic = own.stream().filter(s -> s.engine().api() == ApiFamily.DOCDB_ELASTIC)
                .findFirst().orElseThrow();
        SnapshotWriter writer = new SnapshotWriter();
        if (!rds.tags().isEmpty()) {
            // Its own tags go first, so that the cell starts with the "+" of the first hostile key.
            writer.removeTags(session, rds, rds.tags().stream().map(Tag::key).toList());
        }
        writer.addTags(session, rds, RDS);
        writer.addTags(session, elastic, ELASTIC);
        return List.of(rds, elastic);
    }

    /** The region's snapshots as the browser ends up with them: rows, then Elastic's keys and tags. */
    public static List<Snapshot> list(AccountSession session, RegionRef region) {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(region),
                SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }

    /**
     * Reads {@code csv} with {@link Rfc4180} and checks it is the header, then one record per snapshot, in order,
     * each cell (neutralising quote dropped) the snapshot's value, and the tags cell its tags, in order. No cell
     * may start as a formula would.
     */
    public static void assertReadsBackAs(String csv, List<Snapshot> snapshots) {
        List<List<String>> records = Rfc4180.parse(csv);
        assertThat(records.getFirst()).containsExactly("account", "region", "engine", "identifier", "cluster",
                "type", "status", "percent", "created", "encrypted", "kmsKey", "awsManagedKey", "tags",
                "sourceSnapshot", "arn");
        assertThat(records).hasSize(snapshots.size() + 1);
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            List<String> cells = records.get(i + 1);
            assertThat(cells).as("a formula cell in %s", cells).noneMatch(c -> !c.isEmpty()
                    && "=+-@\t\r".indexOf(c.charAt(0)) >= 0);
            List<String> read = cells.stream().map(Rfc4180::text).toList();
            List<String> expected = new ArrayList<>(List.of(s.ownerAccountId(), s.region().code(),
                    s.engine().canonicalRawName(), s.identifier(), text(s.clusterIdentifier()), s.type().raw(),
                    s.status().raw(), Integer.toString(s.status().percent()),
                    s.createTime() == null ? "" : s.createTime().toString(), Boolean.toString(s.storageEncrypted()),
                    s.kmsKeyAlias() != null ? s.kmsKeyAlias() : text(s.kmsKeyId()),
                    Boolean.toString(s.awsManagedKey()), read.get(12), text(s.sourceSnapshotArn()), s.arn()));
            assertThat(read).as("row of %s", s.identifier()).containsExactlyElementsOf(expected);
            assertThat(Rfc4180.tags(read.get(12))).as("tags of %s", s.identifier())
                    .containsExactlyElementsOf(s.tags());
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
