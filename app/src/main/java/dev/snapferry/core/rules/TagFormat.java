package dev.snapferry.core.rules;

/** How an API carries tags: the RDS family a list of key/value pairs, DocumentDB Elastic a map. */
public enum TagFormat {
    LIST,
    MAP
}
