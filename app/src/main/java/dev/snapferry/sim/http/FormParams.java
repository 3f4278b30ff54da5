package dev.snapferry.sim.http;

import dev.snapferry.sim.SimException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of an AWS Query request ({@code Action=...&Version=...}). Lists arrive as
 * {@code Name.Member.N} where the member name depends on the model ({@code Tags.Tag.1.Key},
 * {@code TagKeys.member.1}); the accessors accept any member name so that every client's spelling is read.
 */
public final class FormParams {

    private final Map<String, String> values;

    private FormParams(Map<String, String> values) {
        this.values = values;
    }

    public static FormParams parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return new FormParams(values);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.put(key, value);
        }
        return new FormParams(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw SimException.missingParameter(name);
        }
        return value;
    }

    public boolean flag(String name) {
        String value = values.get(name);
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw SimException.invalidParameter("Invalid value for " + name + ": " + value + " (expected true or false)");
    }

    public Optional<Integer> integer(String name) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw SimException.invalidParameter("Invalid value for " + name + ": " + value);
        }
    }

    /** The values of a list of scalars, {@code Name.Member.N}, in index order. */
    public List<String> list(String name) {
        Pattern item = Pattern.compile("^" + Pattern.quote(name) + "\\.(?:[A-Za-z]+\\.)?(\\d+)$");
        TreeMap<Integer, String> ordered = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher m = item.matcher(key);
            if (m.matches()) {
                ordered.put(Integer.parseInt(m.group(1)), value);
            }
        });
        return new ArrayList<>(ordered.values());
    }

    /**
     * The members of a list of structures, {@code Name.Member.N.Field...}, each as a view of its own fields
     * ({@code Key}, {@code Values.Value.1}, ...), in index order.
     */
    public List<FormParams> structs(String name) {
        Pattern item = Pattern.compile("^" + Pattern.quote(name) + "\\.(?:[A-Za-z]+\\.)?(\\d+)\\.(.+)$");
        TreeMap<Integer, Map<String, String>> ordered = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher m = item.matcher(key);
            if (m.matches()) {
                ordered.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
                        .put(m.group(2), value);
            }
        });
        List<FormParams> result = new ArrayList<>();
        ordered.values().forEach(fields -> result.add(new FormParams(fields)));
        return result;
    }

    /** Parameters of a URL query string ({@code a=1&b=2}). */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SimException.badRequest("MalformedQueryString", "The query string is not valid URL encoding");
        }
    }
}
