package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://rds.eu-west-1.amazonaws.com", "https://localstack.example.com:4566",
            "HTTPS://10.0.0.1", "http://127.0.0.1:4566", "http://127.0.0.1", "http://[::1]:4566",
            "http://localhost:4566", "http://LOCALHOST", "http://127.1.2.3:8080"})
    void httpsAnywhereAndPlainHttpOnLoopbackAreAccepted(String endpoint) {
        assertThat(EndpointPolicy.refusal(URI.create(endpoint), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:4566", "http://example.com", "http://192.168.1.20",
            "http://[2001:db8::1]:4566", "http://localhost.example.com"})
    void plainHttpOnANonLocalHostIsRefusedUnlessAllowed(String endpoint) {
        assertThat(EndpointPolicy.refusal(URI.create(endpoint), false)).get().asString()
                .contains(endpoint).contains("https://");
        assertThat(EndpointPolicy.refusal(URI.create(endpoint), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/", "file:///tmp/x", "ws://localhost:4566", "localhost:4566",
            "http:///no-host", "https:/path-only", "mailto:ops@example.com", "localhost"})
    void otherSchemesAndEndpointsWithoutAHostAreRefusedEvenWhenInsecureIsAllowed(String endpoint) {
        assertThat(EndpointPolicy.refusal(URI.create(endpoint), false)).isPresent();
        assertThat(EndpointPolicy.refusal(URI.create(endpoint), true)).get().asString()
                .contains("not an http(s) URL with a host");
    }
}
