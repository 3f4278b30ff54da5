package dev.snapferry.ui.audit;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the Audit tab's charts draw, worked out from an {@link Audit} without a toolkit, so that tests reach the
 * grouping, the order and the words of every bar; the View only turns these records into chart nodes.
 *
 * @param encryptionByEngine one bar per engine family, stacked encrypted / not encrypted
 * @param encryptionByRegion one bar per region, stacked likewise
 * @param compliance         one bar per group of the chosen {@link AuditViewModel.Grouping}, stacked by compliance
 * @param keys               one bar per KMS key
 * @param sharing            one bar per kind of sharing
 */
public record AuditCharts(Stacked encryptionByEngine, Stacked encryptionByRegion, Stacked compliance, Keys keys,
                          Sharing sharing) {

    /**
     * One bar, or one piece of a stacked bar.
     *
     * @param category where it stands on the category axis
     * @param drill    the words that name its snapshots when the browser opens on them
     * @param text     what it says about itself, for screen readers: its drill words and its count
     * @param tooltip  its tooltip, which says a click opens the browser
     * @param ids      its snapshots ({@link Audit#id})
     */
    public record Bar(String category, int count, String drill, String text, String tooltip, List<String> ids) {
        public Bar {
            ids = List.copyOf(ids);
        }
    }

    /** A named run of bars: one colour of a stacked chart. */
    public record Series(String name, List<Bar> bars) {
        public Series {
            bars = List.copyOf(bars);
        }
    }

    /** A stacked bar chart: the groups on its axis in order, and a series per category. */
    public record Stacked(List<String> groups, List<Series> series) {
        public Stacked {
            groups = List.copyOf(groups);
            series = List.copyOf(series);
        }
    }

    /**
     * The horizontal key chart, coloured by who manages the key: AWS managed keys stand out because their
     * snapshots cannot be shared with other accounts.
     *
     * @param categories the keys' labels from the bottom of the axis up, so that the most used is at the top
     */
    public record Keys(List<String> categories, Series customerManaged, Series awsManaged) {
        public Keys {
            categories = List.copyOf(categories);
        }
    }

    /**
     * The horizontal sharing chart.
     *
     * @param categories the kinds' labels from the bottom of the axis up, so that they read in order from the top
     * @param bars       one per kind present, with the kind itself, which the View styles
     */
    public record Sharing(List<String> categories, List<SharingBar> bars) {
        public Sharing {
            categories = List.copyOf(categories);
            bars = List.copyOf(bars);
        }
    }

    /** The bar of one kind of sharing. */
    public record SharingBar(Audit.Sharing kind, Bar bar) {
    }

    /**
     * The charts of {@code audit}.
     *
     * @param grouping how the compliance chart groups the snapshots
     */
    public static AuditCharts of(Audit audit, AuditViewModel.Grouping grouping, Messages messages) {
        UnaryOperator<String> label = key -> label(messages, key);
        List<Audit.Slice<Audit.Compliance>> compliance = switch (grouping) {
            case ENGINE -> audit.complianceByEngine();
            case REGION -> audit.complianceByRegion();
            case ACCOUNT -> audit.complianceByAccount();
        };
        return new AuditCharts(
                stacked(audit.encryptionByEngine(), Audit.Encryption.values(), "audit.drill.encryption", label,
                        messages),
                stacked(audit.encryptionByRegion(), Audit.Encryption.values(), "audit.drill.encryption", label,
                        messages),
                stacked(compliance, Audit.Compliance.values(), "audit.drill.compliance", label, messages),
                keys(audit.keys(), label, messages), sharing(audit.sharing(), label, messages));
    }

    /** The words the app uses for an engine family, a category, or (as is) a region or account. */
    static String label(Messages messages, String key) {
        for (EngineFamily family : EngineFamily.values()) {
            if (family.name().equals(key)) {
                return messages.get("browser.engine." + key);
            }
        }
        return messages.has("audit.category." + key) ? messages.get("audit.category." + key) : key;
    }

    /** Groups in the order of their words, categories in declaration order; a group without a category has no piece. */
    private static <C extends Enum<C>> Stacked stacked(List<Audit.Slice<C>> slices, C[] categories, String drillKey,
                                                      UnaryOperator<String> label, Messages messages) {
        Map<String, List<Audit.Slice<C>>> groups = new TreeMap<>();
        slices.forEach(s -> groups.computeIfAbsent(label.apply(s.group()), g -> new ArrayList<>()).add(s));
        List<Series> series = new ArrayList<>();
        for (C category : categories) {
            String categoryName = label.apply(category.name());
            List<Bar> bars = new ArrayList<>();
            for (var group : groups.entrySet()) {
                group.getValue().stream().filter(s -> s.category() == category).findFirst().ifPresent(slice -> {
                    String drill = messages.get(drillKey, categoryName, group.getKey());
                    bars.add(bar(group.getKey(), drill, slice.ids(), "", messages));
                });
            }
            series.add(new Series(categoryName, bars));
        }
        return new Stacked(List.copyOf(groups.keySet()), series);
    }

    /** The keys come most used first from the audit; the axis lists them bottom-up. */
    private static Keys keys(List<Audit.KeyUse> uses, UnaryOperator<String> label, Messages messages) {
        List<Bar> customer = new ArrayList<>();
        List<Bar> managed = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (Audit.KeyUse key : uses) {
            categories.addFirst(key.label());
            String drill = messages.get("audit.drill.key", key.label());
            String why = key.awsManaged() ? "\n" + messages.get("audit.key.awsManaged.why") : "";
            (key.awsManaged() ? managed : customer).add(bar(key.label(), drill, key.ids(), why, messages));
        }
        return new Keys(categories, new Series(label.apply("CUSTOMER_MANAGED"), customer),
                new Series(label.apply("AWS_MANAGED"), managed));
    }

    private static Sharing sharing(List<Audit.Slice<Audit.Sharing>> slices, UnaryOperator<String> label,
                                   Messages messages) {
        List<SharingBar> bars = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (Audit.Slice<Audit.Sharing> slice : slices) {
            String name = label.apply(slice.category().name());
            categories.addFirst(name);
            bars.add(new SharingBar(slice.category(), bar(name, name, slice.ids(), "", messages)));
        }
        return new Sharing(categories, bars);
    }

    /** A bar whose words are its drill words and count, then {@code more} when there is more to say. */
    private static Bar bar(String category, String drill, List<String> ids, String more, Messages messages) {
        String text = drill + ": " + ids.size() + more;
        return new Bar(category, ids.size(), drill, text, messages.get("audit.drill.tooltip", text), ids);
    }
}
