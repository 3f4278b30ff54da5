package dev.snapferry.sim.http;

/** The wire protocols the simulator speaks, each with its own error shape. */
public enum Protocol {
    /** AWS Query: form body, XML reply (RDS, DocumentDB, Neptune, STS). */
    QUERY,
    /** JSON 1.1 with {@code X-Amz-Target} (KMS). */
    JSON_11,
    /** REST-JSON: the operation is in the method and path (DocumentDB Elastic). */
    REST_JSON
}
