package dev.snapferry.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.ui.catalog.SnapshotRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search texts laid end to end find a word in exactly the rows whose own text holds it (the definition a row
 * answers with, {@link SnapshotRow#contains}): never across two rows, at a row's first or last character, in rows
 * with non-Latin text, and in an empty table.
 */
class SearchTextTest {

    private static final String LETTERS = "abcs-1éü_ł";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void findsAWordInTheRowsWhoseTextHoldsIt(long seed) {
        Random random = new Random(seed);
        SnapshotRow[] rows = new SnapshotRow[random.nextInt(300)];
        for (int i = 0; i < rows.length; i++) {
            List<Tag> tags = new ArrayList<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                tags.add(new Tag(word(random, 1 + random.nextInt(5)), word(random, random.nextInt(6))));
            }
            rows[i] = new SnapshotRow(snapshot(word(random, 1 + random.nextInt(8)),
                    random.nextBoolean() ? word(random, 1 + random.nextInt(4)) : null, tags));
        }
        SnapshotFilter.SearchText text = SnapshotFilter.SearchText.of(rows);
        for (int q = 0; q < 200; q++) {
            String word = word(random, 1 + random.nextInt(3));
            BitSet expected = new BitSet();
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].contains(word)) {
                    expected.set(i);
                }
            }
            assertThat(text.rowsContaining(word)).as("%s", word).isEqualTo(expected);
        }
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private static Snapshot snapshot(String id, String cluster, List<Tag> tags) {
        String arn = "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:" + id;
        return new Snapshot(id, arn, "111122223333", new RegionRef("us-east-1"), Engine.AURORA_POSTGRESQL, "1",
                cluster, SnapshotType.MANUAL, SnapshotStatus.available(), Instant.EPOCH, false, null, tags, null, 10,
                null, null, false);
    }
}
