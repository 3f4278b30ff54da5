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

    SimResponse handle(SimRequest request);
}
