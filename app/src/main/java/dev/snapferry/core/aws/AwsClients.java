package dev.snapferry.core.aws;

import dev.snapferry.core.model.RegionRef;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.docdb.DocDbClient;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.neptune.NeptuneClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one account, one per service and region, built on first use and kept. They share one HTTP
 * client (so many regions do not each open a connection pool), use the SDK's adaptive retry (which backs off on
 * throttling per client), and point at the account's endpoint override when it has one.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final @Nullable URI endpoint;
    private final SdkHttpClient http;
    /** The HTTP connection pool the app shares between its clients (every account and region). */
    public static final int MAX_CONNECTIONS = 128;

    private final int maxAttempts;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(AwsCredentialsProvider credentials, @Nullable URI endpoint, SdkHttpClient http, int maxAttempts) {
        AwsProfiles.shieldSdkFromBrokenFiles();
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.endpoint = endpoint;
        this.http = Objects.requireNonNull(http, "http");
        this.maxAttempts = maxAttempts;
    }

    public @Nullable URI endpoint() {
        return endpoint;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public RdsClient rds(RegionRef region) {
        return get("rds", region, r -> configure(RdsClient.builder(), r).build());
    }

    public DocDbClient docdb(RegionRef region) {
        return get("docdb", region, r -> configure(DocDbClient.builder(), r).build());
    }

    public NeptuneClient neptune(RegionRef region) {
        return get("neptune", region, r -> configure(NeptuneClient.builder(), r).build());
    }

    public DocDbElasticClient elastic(RegionRef region) {
        return get("docdb-elastic", region, r -> configure(DocDbElasticClient.builder(), r).build());
    }

    public KmsClient kms(RegionRef region) {
        return get("kms", region, r -> configure(KmsClient.builder(), r).build());
    }

    public StsClient sts(RegionRef region) {
        return get("sts", region, r -> configure(StsClient.builder(), r).build());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C get(String service, RegionRef region, Function<Region, C> factory) {
        return (C) clients.computeIfAbsent(service + "/" + region.code(), k -> factory.apply(Region.of(region.code())));
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, Region region) {
        builder.region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        // One strategy object: retryStrategy(mode) followed by retryStrategy(configurator)
                        // resolves to the SDK's legacy strategy, not the adaptive one.
                        .retryStrategy(AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder()
                                .maxAttempts(maxAttempts).build())
                        .apiCallAttemptTimeout(Duration.ofSeconds(20))
                        .apiCallTimeout(Duration.ofMinutes(2))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
