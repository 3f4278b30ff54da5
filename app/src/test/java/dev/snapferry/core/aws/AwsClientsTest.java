package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.RegionRef;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/** What the class Javadoc promises about every client: adaptive retry with the attempts asked for, one per region. */
class AwsClientsTest {

    private static final RegionRef EU_WEST_1 = new RegionRef("eu-west-1");

    private final SdkHttpClient http = ApacheHttpClient.create();
    private final AwsClients clients = new AwsClients(AnonymousCredentialsProvider.create(),
            URI.create("http://127.0.0.1:1"), http, 4);

    @AfterEach
    void close() {
        clients.close();
        http.close();
    }

    @Test
    void everyClientUsesAdaptiveRetryWithTheAttemptsAskedFor() {
        for (SdkClient client : new SdkClient[] {clients.rds(EU_WEST_1), clients.docdb(EU_WEST_1),
                clients.neptune(EU_WEST_1), clients.elastic(EU_WEST_1), clients.kms(EU_WEST_1),
                clients.sts(EU_WEST_1)}) {
            RetryStrategy strategy = client.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .orElseThrow();
            assertThat(strategy).as(client.serviceName())
                    .isInstanceOf(software.amazon.awssdk.retries.AdaptiveRetryStrategy.class);
            assertThat(strategy.maxAttempts()).as(client.serviceName()).isEqualTo(4);
        }
    }

    @Test
    void clientsAreKeptPerServiceAndRegionAndPointAtTheEndpoint() {
        assertThat(clients.rds(EU_WEST_1)).isSameAs(clients.rds(EU_WEST_1))
                .isNotSameAs(clients.rds(new RegionRef("us-east-1")));
        assertThat(clients.kms(EU_WEST_1).serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        assertThat(clients.kms(EU_WEST_1).serviceClientConfiguration().endpointOverride())
                .contains(URI.create("http://127.0.0.1:1"));
    }
}
