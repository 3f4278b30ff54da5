package dev.snapferry.core.export;

/**
 * Text made safe inside XML and HTML, in element content and in quoted attributes alike: the simulator's XML
 * replies and the audit's HTML page both carry names and tags that come from outside.
 */
public final class Markup {

    private Markup() {
    }

    /** Appends {@code text} to {@code out} with {@code < > & " '} and carriage returns written as references. */
    public static void appendEscaped(StringBuilder out, String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            String reference = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\r' -> "&#13;";
                default -> null;
            };
            if (reference != null) {
                out.append(text, from, i).append(reference);
                from = i + 1;
            }
        }
        out.append(text, from, text.length());
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(out, text);
        return out.toString();
    }
}
