package dev.snapferry.sim.rds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-made presigned CopyDBClusterSnapshot URLs, valid or broken in one chosen way. */
final class PresignedUrls {

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private PresignedUrls() {
    }

    /**
     * A presigned CopyDBClusterSnapshot URL as the SDK builds it (pointing at the real source-region endpoint),
     * with {@code overrides} replacing single parameters; a null value drops the parameter.
     */
    static String build(Map<String, String> overrides, String sourceArn, String sourceRegion,
                        String destinationRegion) {
        Instant now = Instant.now();
        var params = new LinkedHashMap<String, String>();
        params.put("Action", "CopyDBClusterSnapshot");
        params.put("Version", "2014-10-31");
        params.put("SourceDBClusterSnapshotIdentifier", sourceArn);
        params.put("TargetDBClusterSnapshotIdentifier", "target");
        params.put("DestinationRegion", destinationRegion);
        params.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        params.put("X-Amz-Date", AMZ_DATE.format(now));
        params.put("X-Amz-SignedHeaders", "host");
        params.put("X-Amz-Expires", "604800");
        params.put("X-Amz-Credential", "AKIASNAPFERRYPROD001/" + AMZ_DATE.format(now).substring(0, 8) + "/"
                + sourceRegion + "/rds/aws4_request");
        params.put("X-Amz-Signature", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        params.putAll(overrides);
        StringBuilder url = new StringBuilder("https://rds." + sourceRegion + ".amazonaws.com/?");
        params.forEach((k, v) -> {
            if (v != null) {
                url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        url.setLength(url.length() - 1);
        return url.toString();
    }

    /** One parameter to replace; a null value drops it. */
    static Map<String, String> override(String name, String value) {
        Map<String, String> map = new HashMap<>();
        map.put(name, value);
        return map;
    }
}
