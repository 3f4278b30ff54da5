package dev.snapferry.core.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An endpoint override is accepted when it uses HTTPS, or plain HTTP on a loopback address (the embedded
 * simulator, a local LocalStack), or when the user explicitly allows an insecure endpoint: signed requests and
 * their answers must not cross a network in clear text by accident.
 */
public final class EndpointPolicy {

    private EndpointPolicy() {
    }

    /** Why {@code endpoint} is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(URI endpoint, boolean allowInsecure) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || endpoint.getHost() == null) {
            return Optional.of("The endpoint " + endpoint + " is not an http(s) URL with a host.");
        }
        if (scheme.equals("https") || allowInsecure || isLoopback(endpoint.getHost())) {
            return Optional.empty();
        }
        return Optional.of("The endpoint " + endpoint + " uses plain HTTP on a non-local host; use https:// or "
                + "allow insecure endpoints explicitly.");
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: a name could resolve anywhere, and this check must not touch the network.
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
