package dev.snapferry.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.UserPriceTable;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.testing.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price table picker of the Coverage tab on the demo: a table chosen replaces the bundled one in the costs at
 * once and is kept in the config folder; one that cannot be used is refused at the control and changes nothing.
 */
@Timeout(120)
class CoveragePriceTableViewModelTest {

    /** legacy-crm-mysql: 89 snapshots of 150 GiB in eu-west-1, an RDS Multi-AZ cluster. */
    private static final String LEGACY = "legacy-crm-mysql";

    @TempDir
    Path folder;
    private final UiQueue ui = new UiQueue();
    private CoverageFixture fixture;
    private Path config;
    private Path kept;
    private PriceTableViewModel prices;

    @BeforeEach
    void listTheDemo() throws Exception {
        fixture = CoverageFixture.listed(folder, ui);
        config = Files.createDirectories(folder.resolve("config"));
        kept = config.resolve("prices.json");
        prices = new PriceTableViewModel(fixture.coverage.pricesProperty(), new UserPriceTable(kept),
                new SameThreadTaskRunner(), fixture.dialogs, Messages.load(Locale.ROOT));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aValidTableChosenIsUsedAtOnceAndKeptInTheConfigFolder() throws Exception {
        assertThat(prices.inUseProperty().get()).isEqualTo("Price table: bundled with Snapferry, prices as of "
                + PriceTable.bundled().asOf());
        assertThat(legacyCost()).isEqualTo("at most $1,268.25 a month (13,350 GiB)");
        Path chosen = table("ours.json", "2027-01-15", 0.19);
        fixture.dialogs.answerOpen(chosen);

        prices.choose();

        assertThat(fixture.dialogs.shown()).anySatisfy(s -> assertThat(s.message()).isEqualTo("*.json"));
        assertThat(prices.inUseProperty().get()).isEqualTo("Price table: " + kept + ", prices as of 2027-01-15");
        assertThat(prices.messageProperty().get()).isEmpty();
        assertThat(prices.usingOwnProperty().get()).isTrue();
        assertThat(legacyCost()).as("13,350 GiB at $0.19").isEqualTo("at most $2,536.50 a month (13,350 GiB)");
        assertThat(kept).hasSameBinaryContentAs(chosen);

        // A restart reads it from the config folder.
        PriceTableViewModel restarted = new PriceTableViewModel(
                new javafx.beans.property.SimpleObjectProperty<>(PriceTable.bundled()), new UserPriceTable(kept),
                new SameThreadTaskRunner(), fixture.dialogs, Messages.load(Locale.ROOT));
        restarted.load();
        assertThat(restarted.inUseProperty().get()).endsWith("prices as of 2027-01-15");
    }

    @Test
    void anInvalidTableIsRefusedAtTheControlAndTheTableInUseStays() throws Exception {
        prices.use(table("ours.json", "2027-01-15", 0.19));
        Path negative = table("negative.json", "2027-02-01", -1);

        prices.use(negative);

        assertThat(prices.messageProperty().get()).isEqualTo(negative + " was not used, the table above still is: "
                + "not a price for eu-west-1: -1.0");
        assertThat(prices.inUseProperty().get()).endsWith("prices as of 2027-01-15");
        assertThat(legacyCost()).isEqualTo("at most $2,536.50 a month (13,350 GiB)");
        assertThat(Files.readString(kept)).contains("2027-01-15");

        Path missing = folder.resolve("nowhere.json");
        prices.use(missing);
        assertThat(prices.messageProperty().get()).isEqualTo(missing + " was not used, the table above still is: "
                + "there is no such file");
    }

    @Test
    void aHalfWrittenFileNeverReplacesAGoodOne() throws Exception {
        Path good = table("ours.json", "2027-01-15", 0.19);
        prices.use(good);
        String whole = Files.readString(table("newer.json", "2027-03-01", 0.5));
        Path half = Files.writeString(folder.resolve("half.json"), whole.substring(0, whole.length() / 2));

        prices.use(half);

        assertThat(prices.messageProperty().get()).startsWith(half + " was not used, the table above still is: "
                + "it is not JSON at line ");
        assertThat(kept).hasSameBinaryContentAs(good);
        assertThat(legacyCost()).isEqualTo("at most $2,536.50 a month (13,350 GiB)");
        try (var left = Files.list(config)) {
            assertThat(left).as("no temporary file left behind").containsExactly(kept);
        }
    }

    @Test
    void theBundledTableComesBackAndTheUsersFileGoes() throws Exception {
        prices.use(table("ours.json", "2027-01-15", 0.19));
        prices.use(folder.resolve("nowhere.json"));

        prices.useBundled();

        assertThat(kept).doesNotExist();
        assertThat(prices.inUseProperty().get()).startsWith("Price table: bundled with Snapferry");
        assertThat(prices.messageProperty().get()).as("the last refusal is cleared").isEmpty();
        assertThat(prices.usingOwnProperty().get()).isFalse();
        assertThat(legacyCost()).isEqualTo("at most $1,268.25 a month (13,350 GiB)");
    }

    /** The bundled table with another date and another eu-west-1 price for RDS Multi-AZ clusters. */
    private Path table(String name, String asOf, double euWest1) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (var in = PriceTable.class.getResourceAsStream("prices.json")) {
            root = (ObjectNode) json.readTree(in);
        }
        root.put("asOf", asOf);
        ((ObjectNode) root.path("storagePerGbMonth").path("RDS_MULTI_AZ_CLUSTER")).put("eu-west-1", euWest1);
        Path file = folder.resolve(name);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    private String legacyCost() {
        ClusterCoverage legacy = fixture.coverage.clusters().stream()
                .filter(c -> c.key().identifier().equals(LEGACY)).findFirst().orElseThrow();
        return fixture.coverage.texts().cost(fixture.coverage.cost(legacy));
    }
}
