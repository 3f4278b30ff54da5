package dev.snapferry.sim.sts;

import dev.snapferry.sim.Caller;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.Protocol;
import dev.snapferry.sim.http.ServiceHandler;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.http.Xml;
import java.time.Duration;

/** STS over AWS Query: GetCallerIdentity, and AssumeRole into another simulated account (with MFA if the role says). */
public final class StsService implements ServiceHandler {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final SimContext ctx;

    public StsService(SimContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public String xmlNamespace() {
        return NAMESPACE;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        FormParams params = request.form();
        String action = params.get("Action").orElseThrow(() -> SimException.missingParameter("Action"));
        Caller caller = request.caller();
        return switch (action) {
            case "GetCallerIdentity" -> reply(action, request.requestId(), new Xml()
                    .leaf("Arn", caller.principalArn()).leaf("UserId", caller.userId())
                    .leaf("Account", caller.accountId()));
            case "AssumeRole" -> assumeRole(request, params);
            default -> throw SimException.badRequest("InvalidAction",
                    "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    private SimResponse assumeRole(SimRequest request, FormParams params) {
        String roleArn = params.required("RoleArn");
        String sessionName = params.required("RoleSessionName");
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new SimException("ValidationError", 400, "1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint");
        }
        int seconds = params.integer("DurationSeconds").orElse(3600);
        if (seconds < 900 || seconds > 43_200) {
            throw new SimException("ValidationError", 400, "DurationSeconds must be between 900 and 43200.");
        }
        Identities.Role role = ctx.identities().role(roleArn).orElseThrow(() -> new SimException("AccessDenied", 403,
                "User: " + request.caller().principalArn() + " is not authorized to perform: sts:AssumeRole on "
                        + "resource: " + roleArn));
        if (role.mfaSerial() != null) {
            String serial = params.get("SerialNumber").orElse(null);
            String code = params.get("TokenCode").orElse(null);
            if (!role.mfaSerial().equals(serial) || !Identities.MFA_CODE.equals(code)) {
                throw new SimException("AccessDenied", 403,
                        "MultiFactorAuthentication failed with invalid MFA one time pass code.");
            }
        }
        Identities.Session session = ctx.identities().assumeRole(role, sessionName, Duration.ofSeconds(seconds),
                ctx.clock().now());
        Xml body = new Xml().open("Credentials").leaf("AccessKeyId", session.accessKey())
                .leaf("SecretAccessKey", session.secretKey()).leaf("SessionToken", session.sessionToken())
                .leaf("Expiration", session.expiration()).close("Credentials")
                .open("AssumedRoleUser").leaf("AssumedRoleId", "AROA" + role.name().toUpperCase(java.util.Locale.ROOT)
                        + ":" + sessionName)
                .leaf("Arn", "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName)
                .close("AssumedRoleUser");
        return reply("AssumeRole", request.requestId(), body);
    }

    private static SimResponse reply(String action, String requestId, Xml result) {
        Xml xml = new Xml().open(action + "Response", NAMESPACE).open(action + "Result");
        String inner = result.toString();
        String envelope = xml.toString() + inner + new Xml().close(action + "Result").open("ResponseMetadata")
                .leaf("RequestId", requestId).close("ResponseMetadata").close(action + "Response");
        return SimResponse.xml(envelope);
    }
}
