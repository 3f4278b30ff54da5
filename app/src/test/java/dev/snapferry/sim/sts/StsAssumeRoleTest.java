package dev.snapferry.sim.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.DocDbElasticException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** GetCallerIdentity, AssumeRole (with and without MFA) and the life of temporary credentials. */
class StsAssumeRoleTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");

    private SimClock.Manual clock;
    private Simulator simulator;
    private SimClients prod;

    @BeforeEach
    void start() throws Exception {
        clock = SimClock.manual(START);
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        prod = SimClients.production(simulator, "us-east-1");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Credentials assume(AssumeRoleRequest request) {
        try (StsClient sts = prod.sts()) {
            return sts.assumeRole(request).credentials();
        }
    }

    private static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    private static AssumeRoleRequest drRole(int seconds) {
        return AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_ROLE_ARN).roleSessionName("snapferry-test")
                .durationSeconds(seconds).build();
    }

    private static void assertDenied(Throwable t) {
        assertThat(t).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
        });
    }

    @Test
    void callerIdentityOfBothDemoAccounts() {
        try (StsClient sts = prod.sts()) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(DemoAccounts.PRODUCTION);
            assertThat(me.arn()).isEqualTo("arn:aws:iam::111122223333:user/demo-dba");
            assertThat(me.userId()).isNotBlank();
        }
        try (StsClient sts = SimClients.disasterRecovery(simulator, "eu-west-1").sts()) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
            assertThat(me.arn()).isEqualTo("arn:aws:iam::444455556666:user/dr-dba");
        }
    }

    @Test
    void assumedDrRoleActsInTheDrAccount() {
        AssumeRoleResponse response;
        try (StsClient sts = prod.sts()) {
            response = sts.assumeRole(drRole(3600));
        }
        Credentials credentials = response.credentials();
        assertThat(credentials.accessKeyId()).isNotBlank();
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration()).isEqualTo(START.plusSeconds(3600));
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::444455556666:assumed-role/SnapferryDrOperator/snapferry-test");

        SimClients asDr = prod.as(session(credentials));
        try (StsClient sts = asDr.sts()) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
            assertThat(me.arn()).isEqualTo("arn:aws:sts::444455556666:assumed-role/SnapferryDrOperator/snapferry-test");
        }
        try (RdsClient rds = asDr.rds()) {
            List<DBClusterSnapshot> snapshots = rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(20))
                    .dbClusterSnapshots().stream().toList();
            assertThat(snapshots).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.dbClusterSnapshotArn()).contains(":444455556666:"))
                    .anySatisfy(s -> assertThat(s.dbClusterIdentifier()).isEqualTo("dr-orders-aurora"))
                    // Production's own snapshots stay there; DR holds only its copies of them (they name a source).
                    .noneSatisfy(s -> {
                        assertThat(s.dbClusterIdentifier()).isEqualTo("orders-aurora");
                        assertThat(s.sourceDBClusterSnapshotArn()).isNull();
                    });
        }
        try (KmsClient kms = asDr.kms()) {
            assertThat(kms.describeKey(b -> b.keyId("alias/dr-backup")).keyMetadata().awsAccountId())
                    .isEqualTo(DemoAccounts.DISASTER_RECOVERY);
        }
    }

    @Test
    void mfaRoleNeedsTheDeviceAndTheRightCode() {
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_MFA_ROLE_ARN)
                .roleSessionName("no-mfa").build())).satisfies(StsAssumeRoleTest::assertDenied);
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_MFA_ROLE_ARN)
                .roleSessionName("wrong-code").serialNumber(DemoAccounts.MFA_SERIAL).tokenCode("654321").build()))
                .satisfies(StsAssumeRoleTest::assertDenied);
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_MFA_ROLE_ARN)
                .roleSessionName("no-serial").tokenCode(Identities.MFA_CODE).build()))
                .satisfies(StsAssumeRoleTest::assertDenied);
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_MFA_ROLE_ARN)
                .roleSessionName("other-device").serialNumber("arn:aws:iam::111122223333:mfa/someone-else")
                .tokenCode(Identities.MFA_CODE).build())).satisfies(StsAssumeRoleTest::assertDenied);

        Credentials ok = assume(AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_MFA_ROLE_ARN)
                .roleSessionName("with-mfa").serialNumber(DemoAccounts.MFA_SERIAL).tokenCode(Identities.MFA_CODE)
                .build());
        try (StsClient sts = prod.as(session(ok)).sts()) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::444455556666:assumed-role/SnapferryDrAdmin/with-mfa");
        }
    }

    @Test
    void unknownRoleIsAccessDenied() {
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder()
                .roleArn("arn:aws:iam::444455556666:role/NoSuchRole").roleSessionName("x1").build()))
                .satisfies(StsAssumeRoleTest::assertDenied);
    }

    @Test
    void durationOutsideNineHundredSecondsToTwelveHoursIsRefused() {
        for (int seconds : new int[] {899, 43_201}) {
            assertThatThrownBy(() -> assume(drRole(seconds))).as("%d s", seconds)
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
        assertThat(assume(drRole(900)).expiration()).isEqualTo(START.plusSeconds(900));
    }

    @Test
    void invalidRoleSessionNameIsRefused() {
        for (String name : List.of("x", "has space", "a".repeat(65))) {
            assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(DemoAccounts.DR_ROLE_ARN)
                    .roleSessionName(name).build())).as(name)
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void assumedCredentialsExpireOnTheSimulatorClock() {
        Credentials credentials = assume(drRole(900));
        SimClients asDr = prod.as(session(credentials));
        try (StsClient sts = asDr.sts(); RdsClient rds = asDr.rds(); KmsClient kms = asDr.kms();
             DocDbElasticClient elastic = asDr.elastic()) {
            clock.advance(Duration.ofSeconds(899));
            assertThat(sts.getCallerIdentity().account()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);

            clock.advance(Duration.ofSeconds(2));
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
            assertThatThrownBy(() -> rds.describeDBClusterSnapshots(b -> b.maxRecords(20)))
                    .isInstanceOfSatisfying(RdsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
            assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
            assertThatThrownBy(() -> elastic.listClusterSnapshots(b -> b.maxResults(20)))
                    .isInstanceOfSatisfying(DocDbElasticException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
        }
        try (StsClient sts = prod.sts()) {
            assertThat(sts.getCallerIdentity().account()).as("long-term keys do not expire")
                    .isEqualTo(DemoAccounts.PRODUCTION);
        }
    }

    @Test
    void sessionKeyWithAWrongOrMissingTokenIsAnInvalidToken() {
        Credentials credentials = assume(drRole(3600));
        var wrongToken = StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken() + "-tampered"));
        try (StsClient sts = prod.as(wrongToken).sts(); RdsClient rds = prod.as(wrongToken).rds();
             KmsClient kms = prod.as(wrongToken).kms()) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            assertThatThrownBy(() -> rds.describeDBClusterSnapshots(b -> b.maxRecords(20)))
                    .isInstanceOfSatisfying(RdsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
        var noToken = SimClients.keys(credentials.accessKeyId(), credentials.secretAccessKey());
        try (StsClient sts = prod.as(noToken).sts()) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void unknownAccessKeyIsRefusedByEveryService() {
        SimClients stranger = prod.as(SimClients.keys("AKIAUNKNOWNKEY000000", "whatever"));
        try (StsClient sts = stranger.sts(); RdsClient rds = stranger.rds(); KmsClient kms = stranger.kms();
             DocDbElasticClient elastic = stranger.elastic()) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
            });
            assertThatThrownBy(() -> rds.describeDBClusterSnapshots(b -> b.maxRecords(20)))
                    .isInstanceOfSatisfying(RdsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
            assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(KmsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(e.statusCode()).isEqualTo(400);
            });
            assertThatThrownBy(() -> elastic.listClusterSnapshots(b -> b.maxResults(20)))
                    .isInstanceOfSatisfying(DocDbElasticException.class, e -> assertThat(e.statusCode())
                            .isBetween(400, 403));
        }
    }
}
