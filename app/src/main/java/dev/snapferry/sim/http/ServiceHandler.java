package dev.snapferry.sim.http;

/** One simulated AWS service, chosen by the signing name of the request's credential scope. */
public interface ServiceHandler {

    /** The SigV4 signing name ({@code rds}, {@code kms}, {@code sts}, {@code docdb-elastic}). */
    String signingName();

    Protocol protocol();

    /** The XML namespace of Query replies and errors; unused by JSON protocols. */
    default String xmlNamespace() {
        return "";
    }

    /**
     * The name of the operation {@code request} calls, as its service model spells it ({@code ListAliases}), for
     * faults aimed at one operation; empty when the request names none.
     */
    default String operation(SimRequest request) {
        return switch (protocol()) {
            case QUERY -> request.form().get("Action").orElse("");
            case JSON_11 -> {
                String target = request.header("x-amz-target");
                yield target == null ? "" : target.substring(target.indexOf('.') + 1);
            }
            case REST_JSON -> "";
        };
    }

    SimResponse handle(SimRequest request);
}
