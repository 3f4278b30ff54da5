package dev.snapferry.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.data.GeneratedDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The benchmarks' generated fleet: several accounts, each signed in with its own key and holding its own snapshots
 * in every generated region; and the count of answered calls the benchmarks read through {@code /_sim/requests}.
 */
class GeneratedDatasetTest {

    @Test
    void everyAccountHasItsOwnKeyAndItsOwnSnapshotsInEveryRegion() throws Exception {
        GeneratedDataset fleet = new GeneratedDataset(3, 2, 10, 42);
        try (Simulator simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()),
                FaultSettings.none(), fleet));
             SdkHttpClient http = ApacheHttpClient.create()) {
            List<RegionRef> regions = fleet.regionCodes().stream().map(RegionRef::new).toList();
            for (int n = 0; n < 3; n++) {
                AccountSession session = AccountSession.open("bench-" + n, true, regions.getFirst(),
                        new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                GeneratedDataset.accessKey(n), GeneratedDataset.secretKey(n))),
                                simulator.endpoint(), http, 1));
                List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 2).list(List.of(session),
                        regions, SnapshotLister.Options.DEFAULT, r -> { }).join();
                List<Snapshot> snapshots = results.stream()
                        .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
                assertThat(session.account().accountId()).isEqualTo(GeneratedDataset.accountId(n));
                String owner = GeneratedDataset.accountId(n);
                assertThat(snapshots).hasSize(20).allMatch(s -> s.ownerAccountId().equals(owner));
                session.close();
            }
            assertThat(GeneratedDataset.accountId(0)).isEqualTo(DemoAccounts.PRODUCTION);
            assertThat(GeneratedDataset.accountId(2)).isEqualTo("500000000002");

            long before = requests(simulator);
            assertThat(before).isEqualTo(simulator.requestCount()).isPositive();
        }
    }

    private static long requests(Simulator simulator) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(simulator.endpoint().resolve(
                    "/_sim/requests")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            return new ObjectMapper().readTree(reply.body()).path("count").asLong(-1);
        }
    }
}
