package dev.snapferry.sim.rds;

import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SigV4Scope;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a cross-region copy's {@code PreSignedUrl} as the source region would, without fetching it: a
 * CopyDBClusterSnapshot request for the same source ARN, to this destination region, signed for the source region,
 * not expired. The SDK points it at the real AWS endpoint even under an endpoint override; that is fine.
 */
final class PresignedUrlCheck {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private PresignedUrlCheck() {
    }

    static void verify(String url, String sourceArn, String sourceRegion, String destinationRegion,
                       @Nullable String kmsKeyId) {
        Map<String, List<String>> q;
        try {
            q = FormParams.parseQuery(new URI(url).getRawQuery());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL");
        }
        if (!"CopyDBClusterSnapshot".equals(one(q, "Action"))) {
            throw invalid("it does not sign a CopyDBClusterSnapshot request");
        }
        if (!sourceArn.equals(one(q, "SourceDBClusterSnapshotIdentifier"))) {
            throw invalid("it names another source snapshot");
        }
        if (!destinationRegion.equals(one(q, "DestinationRegion"))) {
            throw invalid("its DestinationRegion is not " + destinationRegion);
        }
        SigV4Scope scope = SigV4Scope.fromCredential(one(q, "X-Amz-Credential"))
                .orElseThrow(() -> invalid("it carries no SigV4 credential"));
        if (!scope.region().equals(sourceRegion) || !scope.service().equals("rds")) {
            throw invalid("it is not signed for rds in " + sourceRegion);
        }
        if (one(q, "X-Amz-Signature") == null) {
            throw invalid("it is not signed");
        }
        String presignedKey = one(q, "KmsKeyId");
        if (kmsKeyId != null && presignedKey != null && !kmsKeyId.equals(presignedKey)) {
            throw invalid("its KmsKeyId differs from the request's");
        }
        try {
            // Signed with the real clock by the SDK, so judged against the real clock.
            Instant signed = LocalDateTime.parse(one(q, "X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
            long expires = Long.parseLong(one(q, "X-Amz-Expires"));
            if (Instant.now().isAfter(signed.plusSeconds(expires))) {
                throw invalid("it has expired");
            }
        } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
            throw invalid("its X-Amz-Date or X-Amz-Expires is missing or malformed");
        }
    }

    private static @Nullable String one(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static SimException invalid(String why) {
        return SimException.invalidParameter("The PreSignedUrl is not valid: " + why + ".");
    }
}
