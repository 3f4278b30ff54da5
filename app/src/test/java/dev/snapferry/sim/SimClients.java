package dev.snapferry.sim;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.docdb.DocDbClient;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.neptune.NeptuneClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real AWS SDK v2 clients pointed at a simulator, for tests. Retries are off unless asked for, so a test sees the
 * simulator's first answer.
 */
public record SimClients(URI endpoint, AwsCredentialsProvider credentials, Region region, int retries) {

    public static SimClients production(Simulator simulator, String region) {
        return new SimClients(simulator.endpoint(), keys(DemoAccounts.PRODUCTION_ACCESS_KEY,
                DemoAccounts.PRODUCTION_SECRET_KEY), Region.of(region), 0);
    }

    public static SimClients disasterRecovery(Simulator simulator, String region) {
        return new SimClients(simulator.endpoint(), keys(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY),
                Region.of(region), 0);
    }

    public static StaticCredentialsProvider keys(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    public SimClients in(String otherRegion) {
        return new SimClients(endpoint, credentials, Region.of(otherRegion), retries);
    }

    public SimClients withRetries(int count) {
        return new SimClients(endpoint, credentials, region, count);
    }

    public SimClients as(AwsCredentialsProvider other) {
        return new SimClients(endpoint, other, region, retries);
    }

    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .retryStrategy(b -> b.maxAttempts(retries + 1))
                .build();
    }

    public RdsClient rds() {
        return RdsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .overrideConfiguration(overrides()).build();
    }

    public DocDbClient docdb() {
        return DocDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .overrideConfiguration(overrides()).build();
    }

    public NeptuneClient neptune() {
        return NeptuneClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .overrideConfiguration(overrides()).build();
    }

    public DocDbElasticClient elastic() {
        return DocDbElasticClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .overrideConfiguration(overrides()).build();
    }

    public KmsClient kms() {
        return KmsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .overrideConfiguration(overrides()).build();
    }

    public StsClient sts() {
        return StsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .overrideConfiguration(overrides()).build();
    }
}
