package dev.snapferry.core.aws;

import static dev.snapferry.core.aws.SimFixture.EU_WEST_1;
import static dev.snapferry.core.aws.SimFixture.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.Credentials;

class AwsErrorsTest {

    // ------------------------------------------------------------------------------------------ byCode table

    @Test
    void elasticConflictIsATakenNameOnlyWhenItSaysSo() {
        assertThat(AwsErrors.byCode("ConflictException", "A snapshot named x already exists.", 409, false))
                .isInstanceOf(AwsFailure.AlreadyExists.class);
        assertThat(AwsErrors.byCode("ConflictException", "Snapshot arn:... is being created.", 409, false))
                .isInstanceOf(AwsFailure.InvalidState.class);
    }

    /** Every code of app/docs/aws-rules.md's "Errors the product maps", with the HTTP status AWS sends it with. */
    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
            "DBClusterSnapshotAlreadyExistsFault, 400, AlreadyExists",
            "DBClusterSnapshotNotFoundFault,      404, NotFound",
            "DBClusterNotFoundFault,              404, NotFound",
            "InvalidDBClusterSnapshotStateFault,  400, InvalidState",
            "InvalidDBClusterStateFault,          400, InvalidState",
            "KMSKeyNotAccessibleFault,            400, KmsKeyNotAccessible",
            "SnapshotQuotaExceeded,               400, QuotaExceeded",
            "InvalidParameterValue,               400, InvalidParameter",
            "InvalidParameterCombination,         400, InvalidParameter",
            "Throttling,                          400, Throttled",
            "ThrottlingException,                 400, Throttled",
            "AccessDenied,                        403, AccessDenied",
            "AccessDeniedException,               400, AccessDenied",
            "UnrecognizedClientException,         400, CredentialsInvalid",
            "InvalidClientTokenId,                403, CredentialsInvalid",
            "ExpiredToken,                        400, CredentialsExpired",
            "ExpiredTokenException,               400, CredentialsExpired",
            "AuthFailure,                         401, CredentialsInvalid",
            "ValidationException,                 400, InvalidParameter",
            "ConflictException,                   409, InvalidState",
            "ResourceNotFoundException,           404, NotFound",
            "ServiceQuotaExceededException,       402, QuotaExceeded",
            "InternalServerException,             500, ServiceError",
            "InternalFailure,                     500, ServiceError",
            "SomethingNobodyDocumented,           400, Unknown",
    })
    void everyCodeTheProductMustMapHasItsKind(String code, int status, String kind) {
        AwsFailure failure = AwsErrors.byCode(code, "the service's own words", status, false);

        assertThat(failure.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(failure.awsCode()).isEqualTo(code);
        assertThat(failure.awsMessage()).isEqualTo("the service's own words");
        assertThat(failure.messageKey()).startsWith("aws.error.");
    }

    @Test
    void everyFailureKindHasItsOwnMessageKeyAndIsReachable() {
        Set<Class<?>> reached = new HashSet<>();
        for (String code : List.of("DBClusterSnapshotNotFoundFault", "DBClusterSnapshotAlreadyExistsFault",
                "InvalidDBClusterStateFault", "KMSKeyNotAccessibleFault", "SnapshotQuotaExceeded",
                "InvalidParameterValue", "Throttling", "AccessDenied", "ExpiredToken", "InvalidClientTokenId",
                "InternalFailure", "Whatever")) {
            reached.add(AwsErrors.byCode(code, "m", code.startsWith("Internal") ? 500 : 400, false).getClass());
        }
        reached.add(AwsErrors.inRegionOfVerifiedAccount(new AwsFailure.CredentialsInvalid("AuthFailure", "m"))
                .getClass());
        reached.add(AwsErrors.map(SdkClientException.builder().message("x").cause(new IOException("reset")).build())
                .getClass());

        assertThat(reached).containsExactlyInAnyOrder(AwsFailure.class.getPermittedSubclasses());
        Set<String> keys = Arrays.stream(AwsFailure.class.getPermittedSubclasses())
                .map(c -> instance(c).messageKey()).collect(Collectors.toSet());
        assertThat(keys).hasSize(AwsFailure.class.getPermittedSubclasses().length);
    }

    @Test
    void aServerErrorWithAnUnknownCodeIsAServiceError() {
        assertThat(AwsErrors.byCode("SomethingBroke", "oops", 500, false)).isInstanceOf(AwsFailure.ServiceError.class)
                .extracting(AwsFailure::transientFailure).isEqualTo(true);
        assertThat(AwsErrors.byCode("", "Service Unavailable", 503, false))
                .isInstanceOf(AwsFailure.ServiceError.class);
    }

    @Test
    void http429OrTheSdksThrottlingFlagIsThrottledWhateverTheCode() {
        assertThat(AwsErrors.byCode("", "Too Many Requests", 429, false)).isInstanceOf(AwsFailure.Throttled.class);
        assertThat(AwsErrors.byCode("SomethingElse", "slow down", 400, true))
                .isInstanceOf(AwsFailure.Throttled.class).extracting(AwsFailure::transientFailure).isEqualTo(true);
    }

    // ------------------------------------------------------------------------------ inRegionOfVerifiedAccount

    @Test
    void aRejectedTokenInARegionOfAVerifiedAccountIsTheRegionBeingUnavailable() {
        AwsFailure failure = AwsErrors.inRegionOfVerifiedAccount(
                new AwsFailure.CredentialsInvalid("InvalidClientTokenId", "The security token is invalid."));

        assertThat(failure).isEqualTo(new AwsFailure.RegionUnavailable("InvalidClientTokenId",
                "The security token is invalid."));
    }

    @Test
    void credentialsInvalidWithoutAnAwsCodeAndOtherKindsAreLeftAlone() {
        List<AwsFailure> others = List.of(new AwsFailure.CredentialsInvalid("", "no credentials"),
                new AwsFailure.CredentialsExpired("ExpiredToken", "expired"),
                new AwsFailure.AccessDenied("AccessDenied", "denied"), new AwsFailure.Network("", "reset"),
                new AwsFailure.Throttled("Throttling", "Rate exceeded"));
        for (AwsFailure failure : others) {
            assertThat(AwsErrors.inRegionOfVerifiedAccount(failure)).isSameAs(failure);
        }
    }

    // ------------------------------------------------------------------------ CredentialsUnavailableException

    @Test
    void missingCredentialsMapByTheirExpiredFlag() {
        assertThat(AwsErrors.map(new CredentialsUnavailableException("run aws sso login", true)))
                .isEqualTo(new AwsFailure.CredentialsExpired("", "run aws sso login"));
        assertThat(AwsErrors.map(new CredentialsUnavailableException("no profile named x", false)))
                .isEqualTo(new AwsFailure.CredentialsInvalid("", "no profile named x"));
        assertThat(AwsErrors.map(new CompletionException(new CredentialsUnavailableException("later", true))))
                .isInstanceOf(AwsFailure.CredentialsExpired.class);
    }

    // ------------------------------------------------------------------------------- never throws, never hangs

    @Test
    void oddThrowablesAreMappedWithoutThrowing() {
        RuntimeException looping = new RuntimeException("loop");
        SdkClientException cyclic = SdkClientException.builder().message("cyclic").cause(looping).build();
        looping.initCause(cyclic);
        IOException reset = new IOException("reset");
        SdkClientException cyclicIo = SdkClientException.builder().message("cyclic io").cause(reset).build();
        reset.initCause(cyclicIo);
        List<Throwable> odd = List.of(new RuntimeException(), new NullPointerException(), new Error(),
                new StackOverflowError(), new IOException((String) null), new UncheckedIOException(new IOException()),
                new CompletionException((Throwable) null), new CompletionException("no cause", null),
                new ExecutionException("wrapped", new CompletionException(new IllegalStateException())),
                AwsServiceException.builder().build(), AwsServiceException.builder().statusCode(503).build(),
                AwsServiceException.builder().awsErrorDetails(AwsErrorDetails.builder().build()).build(),
                SdkClientException.builder().build(), SdkClientException.create(null, new IOException()),
                ApiCallTimeoutException.create(1000), new CredentialsUnavailableException(null, true),
                new AwsCallException(new AwsFailure.Unknown("", ""), null), new Throwable((String) null),
                cyclic, cyclicIo);
        for (Throwable t : odd) {
            AwsFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> AwsErrors.map(t),
                    () -> "mapping " + t.getClass().getName() + " does not return");
            assertThat(failure).as(t.getClass().getName()).isNotNull();
            assertThat(failure.awsCode()).as(t.getClass().getName()).isNotNull();
            assertThat(failure.awsMessage()).as(t.getClass().getName()).isNotNull();
        }
    }

    @Test
    void wrappingInCompletionOrExecutionExceptionsDoesNotChangeTheKind() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("no").build())
                .build();
        assertThat(AwsErrors.map(new CompletionException(new ExecutionException("x", denied))))
                .isEqualTo(new AwsFailure.AccessDenied("AccessDenied", "no"));
        assertThat(AwsErrors.map(new CompletionException(SdkClientException.create("x",
                new java.net.SocketTimeoutException("Read timed out"))))).isInstanceOf(AwsFailure.Network.class);
    }

    @Test
    void anAwsCallExceptionMapsToTheFailureItCarries() {
        // A task that called through AwsCallException.call and failed reaches a Future's caller wrapped again.
        AwsFailure denied = new AwsFailure.AccessDenied("AccessDeniedException", "explicit deny");
        assertThat(AwsErrors.map(new AwsCallException(denied, null))).isEqualTo(denied);
        assertThat(AwsErrors.map(new ExecutionException(new AwsCallException(denied, null)))).isEqualTo(denied);
    }

    // ------------------------------------------------------------------------- real SDK exceptions from the sim

    @Nested
    class FromTheSimulator {

        private SimFixture sim;

        @BeforeEach
        void start() {
            sim = SimFixture.start();
        }

        @AfterEach
        void stop() {
            sim.close();
        }

        @Test
        void throttlingOfEveryProtocolIsThrottled() {
            AwsClients clients = clients(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                    DemoAccounts.PRODUCTION_SECRET_KEY));
            sim.faults(new FaultSettings(0, 0.001, 1, 0, List.of(), Map.of(), Map.of()));
            clients.rds(US_EAST_1).describeDBClusterSnapshots(b -> b.maxRecords(20));

            assertThat(mapped(() -> clients.rds(US_EAST_1).describeDBClusterSnapshots(b -> b.maxRecords(20))))
                    .isEqualTo(new AwsFailure.Throttled("Throttling", "Rate exceeded"));
            assertThat(mapped(() -> clients.kms(US_EAST_1).listAliases()))
                    .isEqualTo(new AwsFailure.Throttled("ThrottlingException", "Rate exceeded"));
            assertThat(mapped(() -> clients.elastic(US_EAST_1).listClusters(b -> b.maxResults(10))))
                    .isEqualTo(new AwsFailure.Throttled("ThrottlingException", "Rate exceeded"));
        }

        @Test
        void aDeniedServiceIsAccessDenied() {
            sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                    Map.of(DemoAccounts.PRODUCTION, List.of("rds", "kms", "docdb-elastic"))));
            AwsClients clients = sim.production.clients();

            assertThat(mapped(() -> clients.rds(US_EAST_1).describeDBClusterSnapshots()))
                    .isInstanceOf(AwsFailure.AccessDenied.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("AccessDenied");
            assertThat(mapped(() -> clients.kms(US_EAST_1).listAliases()))
                    .isInstanceOf(AwsFailure.AccessDenied.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("AccessDeniedException");
            assertThat(mapped(() -> clients.elastic(US_EAST_1).listClusters(b -> b.maxResults(10))))
                    .isInstanceOf(AwsFailure.AccessDenied.class).extracting(AwsFailure::awsMessage).asString()
                    .contains("explicit deny");
        }

        @Test
        void anUnknownAccessKeyIsInvalidCredentials() {
            AwsClients clients = clients(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "nope"));

            assertThat(mapped(() -> clients.sts(US_EAST_1).getCallerIdentity()))
                    .isInstanceOf(AwsFailure.CredentialsInvalid.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("InvalidClientTokenId");
            assertThat(mapped(() -> clients.kms(US_EAST_1).listAliases()))
                    .isInstanceOf(AwsFailure.CredentialsInvalid.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("UnrecognizedClientException");
            SnapshotWriterTest.assertFailure(() -> AccountSession.open("nobody", true, US_EAST_1, clients),
                    AwsFailure.CredentialsInvalid.class, "InvalidClientTokenId");
        }

        @Test
        void anExpiredSessionIsExpiredCredentials() {
            Credentials assumed = sim.production.clients().sts(US_EAST_1).assumeRole(b -> b
                    .roleArn(DemoAccounts.DR_ROLE_ARN).roleSessionName("expiry-test").durationSeconds(900))
                    .credentials();
            AwsClients clients = clients(AwsSessionCredentials.create(assumed.accessKeyId(),
                    assumed.secretAccessKey(), assumed.sessionToken()));
            assertThat(clients.sts(US_EAST_1).getCallerIdentity().account())
                    .isEqualTo(DemoAccounts.DISASTER_RECOVERY);

            sim.clock.advance(Duration.ofSeconds(901));

            assertThat(mapped(() -> clients.rds(US_EAST_1).describeDBClusterSnapshots()))
                    .isInstanceOf(AwsFailure.CredentialsExpired.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("ExpiredToken");
            assertThat(mapped(() -> clients.kms(US_EAST_1).listAliases()))
                    .isInstanceOf(AwsFailure.CredentialsExpired.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("ExpiredTokenException");
        }

        @Test
        void aRegionThatIsDownIsANetworkFailure() {
            sim.faults(new FaultSettings(0, 0, 0, 0, List.of("eu-west-1"), Map.of(), Map.of()));
            AwsClients clients = sim.production.clients();

            AwsFailure failure = mapped(() -> clients.rds(EU_WEST_1).describeDBClusterSnapshots());
            assertThat(failure).isInstanceOf(AwsFailure.Network.class);
            assertThat(failure.awsCode()).isEmpty();
            assertThat(failure.transientFailure()).isTrue();
            assertThatCode(() -> clients.rds(US_EAST_1).describeDBClusterSnapshots()).doesNotThrowAnyException();
        }

        @Test
        void serverErrorsOfEveryProtocolAreServiceErrors() {
            sim.faults(new FaultSettings(0, 0, 0, 1.0, List.of(), Map.of(), Map.of()));
            AwsClients clients = sim.production.clients();

            assertThat(mapped(() -> clients.rds(US_EAST_1).describeDBClusterSnapshots()))
                    .isInstanceOf(AwsFailure.ServiceError.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("InternalFailure");
            assertThat(mapped(() -> clients.kms(US_EAST_1).listAliases()))
                    .isInstanceOf(AwsFailure.ServiceError.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("KMSInternalException");
            assertThat(mapped(() -> clients.elastic(US_EAST_1).listClusters(b -> b.maxResults(10))))
                    .isInstanceOf(AwsFailure.ServiceError.class).extracting(AwsFailure::awsCode)
                    .isEqualTo("InternalServerException");
        }

        @Test
        void aRegionNotEnabledIsRejectedCredentialsThatTheVerifiedAccountSeesAsRegionUnavailable() {
            sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(DemoAccounts.PRODUCTION,
                    List.of("eu-west-1")), Map.of()));
            AwsClients clients = sim.production.clients();

            AwsFailure failure = mapped(() -> clients.rds(EU_WEST_1).describeDBClusterSnapshots());
            assertThat(failure).isInstanceOf(AwsFailure.CredentialsInvalid.class);
            assertThat(AwsErrors.inRegionOfVerifiedAccount(failure))
                    .isEqualTo(new AwsFailure.RegionUnavailable("InvalidClientTokenId", failure.awsMessage()));
        }

        private AwsClients clients(AwsCredentials credentials) {
            return new AwsClients(StaticCredentialsProvider.create(credentials), sim.simulator.endpoint(),
                    sim.sessions.http(), 1);
        }
    }

    /** Runs a raw SDK call that must fail and maps what the SDK threw. */
    private static AwsFailure mapped(Runnable sdkCall) {
        Throwable thrown = catchThrowable(sdkCall::run);
        assertThat(thrown).isInstanceOf(SdkException.class);
        return AwsErrors.map(thrown);
    }

    private static AwsFailure instance(Class<?> kind) {
        try {
            return (AwsFailure) kind.getDeclaredConstructor(String.class, String.class).newInstance("c", "m");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
