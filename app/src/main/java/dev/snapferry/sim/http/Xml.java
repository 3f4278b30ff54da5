package dev.snapferry.sim.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** A small streaming XML writer for AWS Query replies: elements, escaped text, nothing else. */
public final class Xml {

    private final StringBuilder out = new StringBuilder(1024);

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    /** Appends an already rendered, well-formed fragment. */
    public Xml raw(String fragment) {
        out.append(fragment);
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}; a null value writes nothing, as AWS omits absent members. */
    public Xml leaf(String name, @Nullable Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant instant ? timestamp(instant) : value.toString();
        out.append('<').append(name).append('>');
        escape(text);
        out.append("</").append(name).append('>');
        return this;
    }

    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private void escape(String text) {
        dev.snapferry.core.export.Markup.appendEscaped(out, text);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
