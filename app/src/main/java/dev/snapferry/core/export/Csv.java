package dev.snapferry.core.export;

import dev.snapferry.core.model.Tag;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one CSV writer of the exports (the browser's, {@code --list}'s and the audit's): RFC 4180 records ending in
 * CRLF, a cell quoted when it holds a comma, a double quote (doubled inside), a CR or an LF, and text a spreadsheet
 * would run as a formula neutralised.
 *
 * <p>Formulas: the OWASP "CSV Injection" guidance. A spreadsheet opening the file runs a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula, and tag values, names and
 * cluster identifiers are whatever their owners chose. Such a cell is written quoted, with a single quote
 * ({@code '}) put before its text inside the quotes, so that the spreadsheet shows it as text. A cell whose text
 * itself starts with a single quote gets one more too, so that reading back stays unambiguous: <b>a reader drops
 * one leading {@code '} from a cell that starts with one</b>, and has the text as it was.
 *
 * <p>Tags: one cell of {@code key=value} pairs separated by {@code ;}, where a {@code \}, {@code ;} or {@code =} in
 * a key or value is written with a {@code \} before it (CSV's quoting then takes care of commas, quotes and line
 * breaks). A reader splits at each unescaped {@code ;}, then at the first unescaped {@code =}, and drops each
 * escaping {@code \}.
 */
public final class Csv {

    /** What a spreadsheet runs as a formula when a cell starts with it (OWASP, CSV Injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** Writes one record: each value's cell (see {@link #cell}), separated by commas, ending in CRLF. */
    public static void record(Writer out, List<?> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    /**
     * One cell: empty for no value; a number or a boolean as it prints; text neutralised when a spreadsheet would
     * run it (or when it starts with the neutralising quote), and quoted when neutralised or when it holds a
     * comma, a double quote, a CR or an LF.
     */
    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        boolean neutralised = !text.isEmpty() && (FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                || text.charAt(0) == '\'');
        if (neutralised) {
            // OWASP CSV Injection: a leading single quote, inside the quoted cell, makes the spreadsheet show the
            // text instead of running it; the quote is what a reader drops.
            text = "'" + text;
        }
        if (!neutralised && text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The tags cell's text (before {@link #cell}): {@code key=value} pairs joined by {@code ;}, escaped. */
    public static String tags(List<Tag> tags) {
        StringBuilder text = new StringBuilder();
        for (Tag tag : tags) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(escape(tag.key())).append('=').append(escape(tag.value()));
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == ';' || c == '=') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
