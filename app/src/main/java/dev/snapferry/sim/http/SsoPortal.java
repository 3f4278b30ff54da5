package dev.snapferry.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimContext;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The IAM Identity Center portal's GetRoleCredentials ({@code GET /federation/credentials}), which is not SigV4
 * signed: it carries the {@code aws sso login} access token in {@code x-amz-sso_bearer_token}.
 */
final class SsoPortal {

    static final String PATH = "/federation/credentials";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimContext context;

    SsoPortal(SimContext context) {
        this.context = context;
    }

    SimResponse handle(String rawQuery, String bearerToken) {
        Map<String, List<String>> query = FormParams.parseQuery(rawQuery);
        Identities.Session session = context.identities().ssoRoleCredentials(bearerToken,
                one(query, "account_id"), one(query, "role_name"), context.clock().now());
        ObjectNode reply = JSON.createObjectNode();
        reply.putObject("roleCredentials").put("accessKeyId", session.accessKey())
                .put("secretAccessKey", session.secretKey()).put("sessionToken", session.sessionToken())
                .put("expiration", session.expiration().toEpochMilli());
        return SimResponse.json(200, "application/json", reply.toString());
    }

    private static @Nullable String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
