package dev.snapferry.sim.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.Protocol;
import dev.snapferry.sim.http.ServiceHandler;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * KMS over JSON 1.1 ({@code X-Amz-Target: TrentService.Xxx}): the key picker's ListKeys, ListAliases and
 * DescribeKey; key policies (GetKeyPolicy, PutKeyPolicy, ListKeyPolicies); and CreateKey, CreateAlias, DisableKey,
 * EnableKey and ScheduleKeyDeletion for setting up tests and demos.
 */
public final class KmsService implements ServiceHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final int LIST_KEYS_LIMIT = 1000;
    private static final int LIST_ALIASES_LIMIT = 100;

    private final SimContext ctx;

    public KmsService(SimContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String signingName() {
        return "kms";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON_11;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String target = request.header("x-amz-target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode body = parse(request.body());
        RegionState region = ctx.world().region(request.caller().accountId(), request.caller().region());
        Instant now = ctx.clock().now();
        ObjectNode reply = region.update(now, r -> switch (operation) {
            case "ListKeys" -> listKeys(r, body);
            case "ListAliases" -> listAliases(r, body);
            case "DescribeKey" -> JSON.createObjectNode().set("KeyMetadata", metadata(key(r, body)));
            case "CreateKey" -> createKey(r, body, now, request.caller());
            case "CreateAlias" -> createAlias(r, body);
            case "DisableKey" -> {
                key(r, body).disable();
                yield JSON.createObjectNode();
            }
            case "EnableKey" -> {
                key(r, body).enable();
                yield JSON.createObjectNode();
            }
            case "ScheduleKeyDeletion" -> scheduleDeletion(r, body, now);
            case "GetKeyPolicy" -> KeyPolicyOperations.get(r, body, request.caller());
            case "PutKeyPolicy" -> KeyPolicyOperations.put(r, body, request.caller());
            case "ListKeyPolicies" -> KeyPolicyOperations.list(r, body, request.caller());
            default -> throw new SimException("UnknownOperationException", 400,
                    "The operation " + operation + " is not supported by this service.");
        });
        return SimResponse.json(200, CONTENT_TYPE, reply.toString());
    }

    private static ObjectNode listKeys(RegionState r, JsonNode body) {
        List<SimKey> keys = new ArrayList<>(r.keys().values());
        List<SimKey> page = page(keys, SimKey::keyId, body, LIST_KEYS_LIMIT, 100);
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("Keys");
        page.forEach(k -> list.addObject().put("KeyId", k.keyId()).put("KeyArn", k.arn()));
        return truncate(reply, keys, page, SimKey::keyId);
    }

    private static ObjectNode listAliases(RegionState r, JsonNode body) {
        String keyFilter = text(body, "KeyId");
        SimKey only = keyFilter == null ? null : key(r, body);
        List<Map.Entry<String, String>> aliases = r.aliases().entrySet().stream()
                .filter(e -> only == null || e.getValue().equals(only.keyId())).toList();
        List<Map.Entry<String, String>> page = page(aliases, Map.Entry::getKey, body, LIST_ALIASES_LIMIT, 50);
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("Aliases");
        for (var alias : page) {
            SimKey target = r.keys().get(alias.getValue());
            ObjectNode node = list.addObject().put("AliasName", alias.getKey())
                    .put("AliasArn", KmsKeys.arn(r, alias.getKey())).put("TargetKeyId", alias.getValue());
            if (target != null) {
                node.put("CreationDate", epoch(target.creationDate())).put("LastUpdatedDate",
                        epoch(target.creationDate()));
            }
        }
        return truncate(reply, aliases, page, Map.Entry::getKey);
    }

    /**
     * CreateKey: a symmetric customer managed key with the policy given, checked as PutKeyPolicy checks one, or
     * else the default key policy.
     */
    private static ObjectNode createKey(RegionState r, JsonNode body, Instant now, Caller caller) {
        String description = text(body, "Description");
        String policy = text(body, "Policy");
        SimKey key = KmsKeys.create(r, UUID.randomUUID().toString(), description == null ? "" : description, false,
                now);
        if (policy != null) {
            try {
                KeyPolicyOperations.checkNewPolicy(policy, key.arn(), caller, KeyPolicyOperations.bypass(body));
            } catch (SimException refused) {
                r.keys().remove(key.keyId());
                throw refused;
            }
            key.setPolicy(policy);
        }
        return JSON.createObjectNode().set("KeyMetadata", metadata(key));
    }

    private static ObjectNode createAlias(RegionState r, JsonNode body) {
        String name = required(body, "AliasName");
        if (!name.matches("alias/[a-zA-Z0-9/_-]{1,250}")) {
            throw validation("Alias must start with alias/ and contain only letters, digits, / _ -: " + name);
        }
        if (name.startsWith("alias/aws/")) {
            throw new SimException("NotAuthorizedException", 400, "Aliases beginning with alias/aws/ are reserved.");
        }
        if (r.aliases().containsKey(name)) {
            throw new SimException("AlreadyExistsException", 400, "An alias with the name " + KmsKeys.arn(r, name)
                    + " already exists");
        }
        String targetReference = required(body, "TargetKeyId");
        SimKey target = r.resolveKey(targetReference);
        if (target == null) {
            throw notFound(targetReference);
        }
        r.aliases().put(name, target.keyId());
        return JSON.createObjectNode();
    }

    private static ObjectNode scheduleDeletion(RegionState r, JsonNode body, Instant now) {
        SimKey key = key(r, body);
        int days = body.has("PendingWindowInDays") ? body.get("PendingWindowInDays").asInt() : 30;
        if (days < 7 || days > 30) {
            throw validation("PendingWindowInDays must be between 7 and 30.");
        }
        if (key.awsManaged()) {
            throw new SimException("UnsupportedOperationException", 400,
                    "AWS managed keys cannot be scheduled for deletion.");
        }
        Instant deletionDate = now.plusSeconds(days * 86_400L);
        key.scheduleDeletion(deletionDate);
        return JSON.createObjectNode().put("KeyId", key.arn()).put("DeletionDate", epoch(deletionDate))
                .put("KeyState", key.keyState()).put("PendingWindowInDays", days);
    }

    private static ObjectNode metadata(SimKey key) {
        ObjectNode m = JSON.createObjectNode().put("AWSAccountId", key.accountId()).put("KeyId", key.keyId())
                .put("Arn", key.arn()).put("CreationDate", epoch(key.creationDate())).put("Enabled", key.usable())
                .put("Description", key.description()).put("KeyUsage", "ENCRYPT_DECRYPT")
                .put("KeyState", key.keyState()).put("Origin", "AWS_KMS")
                .put("KeyManager", key.awsManaged() ? "AWS" : "CUSTOMER")
                .put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT").put("KeySpec", "SYMMETRIC_DEFAULT")
                .put("MultiRegion", false);
        m.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
        if (key.deletionDate() != null) {
            m.put("DeletionDate", epoch(key.deletionDate()));
        }
        return m;
    }

    static SimKey key(RegionState r, JsonNode body) {
        String reference = required(body, "KeyId");
        SimKey key = r.resolveKey(reference);
        if (key == null) {
            throw notFound(reference);
        }
        return key;
    }

    /**
     * {@code Limit} is checked against the operation's documented range and defaults to its documented value
     * (kms/2014-11-01): ListKeysRequest$Limit "must be between 1 and 1000, inclusive. If you do not include a value,
     * it defaults to 100"; ListAliasesRequest$Limit "must be between 1 and 100, inclusive. If you do not include a
     * value, it defaults to 50" (its LimitType shape allows up to 1000; the operation's own words are narrower).
     * Out of range is a ValidationException in the JSON protocol's words.
     */
    private static <T> List<T> page(List<T> all, java.util.function.Function<T, String> key, JsonNode body,
                                    int maxLimit, int defaultLimit) {
        int limit = body.has("Limit") ? body.get("Limit").asInt() : defaultLimit;
        if (limit < 1) {
            throw validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 1");
        }
        if (limit > maxLimit) {
            throw validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
                    + "constraint: Member must have value less than or equal to " + maxLimit);
        }
        String marker = text(body, "Marker");
        return all.stream().filter(t -> marker == null || key.apply(t).compareTo(marker) > 0).limit(limit).toList();
    }

    private static <T> ObjectNode truncate(ObjectNode reply, List<T> all, List<T> page,
                                           java.util.function.Function<T, String> key) {
        boolean more = !page.isEmpty() && all.indexOf(page.getLast()) < all.size() - 1;
        reply.put("Truncated", more);
        if (more) {
            reply.put("NextMarker", key.apply(page.getLast()));
        }
        return reply;
    }

    private static double epoch(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new SimException("SerializationException", 400, "The request body is not valid JSON.");
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isEmpty()) {
            throw validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static SimException validation(String message) {
        return new SimException("ValidationException", 400, message);
    }

    private static SimException notFound(String reference) {
        return new SimException("NotFoundException", 400, "Key '" + reference + "' does not exist");
    }
}
