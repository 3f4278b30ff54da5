package dev.snapferry.core.export;

import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict CSV reader written for the round-trip tests from RFC 4180 alone, sharing nothing with the writer:
 * records end in CRLF (the last may end without), fields are separated by commas, a field holding a comma, a
 * double quote, CR or LF is enclosed in double quotes with each inner quote doubled, and anything else (a bare CR
 * or LF outside quotes, a quote inside an unquoted field, text after a closing quote) is an error. On top of it,
 * the two readings {@link Csv}'s documentation promises: one leading {@code '} dropped, and the tags cell split.
 */
public final class Rfc4180 {

    private Rfc4180() {
    }

    /** The records of {@code text}, each a list of its fields' raw text. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            return records;
        }
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unclosed quoted field at the end");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
            } else {
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    char c = text.charAt(i++);
                    if (c == '"' || c == '\n') {
                        throw new IllegalArgumentException("a bare " + (c == '"' ? "quote" : "LF") + " at " + (i - 1));
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                records.add(fields);
                return records;
            }
            char separator = text.charAt(i++);
            if (separator == ',') {
                continue;
            }
            if (i >= n || text.charAt(i) != '\n') {
                throw new IllegalArgumentException("a bare CR at " + (i - 1));
            }
            i++;
            records.add(fields);
            fields = new ArrayList<>();
            if (i >= n) {
                return records;
            }
        }
    }

    /** A cell's text as it was before the writer neutralised it: one leading single quote dropped. */
    public static String text(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** The tags of a tags cell: pairs split at unescaped {@code ;}, key and value at the first unescaped {@code =}. */
    public static List<Tag> tags(String cell) {
        List<Tag> tags = new ArrayList<>();
        if (cell.isEmpty()) {
            return tags;
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder current = key;
        boolean sawEquals = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\') {
                if (++i >= cell.length()) {
                    throw new IllegalArgumentException("a dangling escape in " + cell);
                }
                char escaped = cell.charAt(i);
                if (escaped != '\\' && escaped != ';' && escaped != '=') {
                    throw new IllegalArgumentException("an escape of '" + escaped + "' in " + cell);
                }
                current.append(escaped);
            } else if (c == '=' && !sawEquals) {
                sawEquals = true;
                current = value;
            } else if (c == ';') {
                tags.add(pair(key, value, sawEquals, cell));
                key.setLength(0);
                value.setLength(0);
                current = key;
                sawEquals = false;
            } else if (c == '=') {
                throw new IllegalArgumentException("an unescaped '=' in a value of " + cell);
            } else {
                current.append(c);
            }
        }
        tags.add(pair(key, value, sawEquals, cell));
        return tags;
    }

    private static Tag pair(StringBuilder key, StringBuilder value, boolean sawEquals, String cell) {
        if (!sawEquals) {
            throw new IllegalArgumentException("a pair without '=' in " + cell);
        }
        return new Tag(key.toString(), value.toString());
    }
}
