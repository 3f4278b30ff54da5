package dev.snapferry.core.rules;

/** How the capability matrix names a {@link TagCharset}. */
enum TagCharsetKind {
    /** Unicode letters, digits, white space and {@code _ . : / = + -}, plus the engine's extra characters. */
    STANDARD,
    /** The ASCII characters of one regular-expression character class, copied from the service model. */
    ASCII_CLASS,
    /** Any character: the service model gives no pattern. */
    ANY
}
