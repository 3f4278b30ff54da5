package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsPropertiesTest {

    @Property(tries = 500)
    void mapNeverThrowsAndKeepsCodeAndMessageNonNull(@ForAll("throwables") Throwable error) {
        AwsFailure failure = AwsErrors.map(error);

        assertThat(failure).isNotNull();
        assertThat(failure.awsCode()).isNotNull();
        assertThat(failure.awsMessage()).isNotNull();
        assertThat(failure.messageKey()).startsWith("aws.error.");
    }

    @Property(tries = 300)
    void wrappingNeverChangesTheKind(@ForAll("throwables") Throwable error,
                                     @ForAll("wrappers") List<Function<Throwable, Throwable>> wrappers) {
        Throwable wrapped = error;
        for (Function<Throwable, Throwable> wrapper : wrappers) {
            wrapped = wrapper.apply(wrapped);
        }
        assertThat(AwsErrors.map(wrapped)).isEqualTo(AwsErrors.map(error));
    }

    @Provide
    Arbitrary<Throwable> throwables() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("Throttling", "AccessDenied", "ExpiredToken", "InvalidClientTokenId",
                        "DBClusterSnapshotNotFoundFault", "ConflictException", "Unable to load credentials"));
        Arbitrary<Integer> status = Arbitraries.of(0, 200, 400, 403, 404, 409, 429, 500, 503, 599);
        Arbitrary<Throwable> service = Combinators.combine(text, text, status, Arbitraries.of(true, false))
                .as((code, message, http, withDetails) -> AwsServiceException.builder().statusCode(http)
                        .message(message)
                        .awsErrorDetails(withDetails ? AwsErrorDetails.builder().errorCode(code)
                                .errorMessage(message).build() : null)
                        .build());
        Arbitrary<Throwable> client = Combinators.combine(text, Arbitraries.of(true, false))
                .as((message, io) -> SdkClientException.create(message, io ? new IOException(message) : null));
        Arbitrary<Throwable> plain = text.flatMap(m -> Arbitraries.of(new RuntimeException(m),
                new IllegalStateException(m), new IOException(m), new Error(m), new Throwable(m),
                new CredentialsUnavailableException(m, true), new CredentialsUnavailableException(m, false)));
        return Arbitraries.oneOf(service, client, plain);
    }

    @Provide
    Arbitrary<List<Function<Throwable, Throwable>>> wrappers() {
        Arbitrary<Function<Throwable, Throwable>> one = Arbitraries.of(
                CompletionException::new,
                t -> new ExecutionException("wrapped", t),
                t -> new CompletionException(null, t));
        return one.list().ofMaxSize(4);
    }
}
