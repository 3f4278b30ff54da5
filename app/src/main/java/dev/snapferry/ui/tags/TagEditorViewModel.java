package dev.snapferry.ui.tags;

import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.TagRules;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.ui.common.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A set of tags being edited, one row per tag, checked against an engine's tag rules on every keystroke: each key
 * and value carries its own problem, the set its count problem. A row left with neither key nor value is not a
 * tag and is ignored, so adding a row never shows an error before the user types.
 */
public final class TagEditorViewModel {

    /** One tag being edited. */
    public static final class Row {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");
        private final ReadOnlyStringWrapper keyProblem = new ReadOnlyStringWrapper(this, "keyProblem", "");
        private final ReadOnlyStringWrapper valueProblem = new ReadOnlyStringWrapper(this, "valueProblem", "");

        Row(String key, String value) {
            this.key.set(key);
            this.value.set(value);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }

        /** Why the key is refused, in words that say what to do; empty when it is fine. */
        public ReadOnlyStringProperty keyProblemProperty() {
            return keyProblem.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty valueProblemProperty() {
            return valueProblem.getReadOnlyProperty();
        }

        boolean blank() {
            return key.get().isEmpty() && value.get().isEmpty();
        }
    }

    /** What saving the edit changes: tags to set (new keys or new values) and keys to remove. */
    public record Changes(List<Tag> put, List<String> removed) {
        public Changes {
            put = List.copyOf(put);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return put.isEmpty() && removed.isEmpty();
        }
    }

    private final java.util.function.Function<List<Tag>, List<Problem>> check;
    private final String labels;
    private final Messages messages;
    private final List<Tag> original;
    private final ObservableList<Row> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.key, r.value});
    private final ReadOnlyStringWrapper setProblem = new ReadOnlyStringWrapper(this, "setProblem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    public TagEditorViewModel(TagSpec spec, Messages messages, List<Tag> initial) {
        this(tags -> TagRules.validateAll(tags, spec), "tags", messages, initial);
        Objects.requireNonNull(spec, "spec");
    }

    private TagEditorViewModel(java.util.function.Function<List<Tag>, List<Problem>> check, String labels,
                               Messages messages, List<Tag> initial) {
        this.check = check;
        this.labels = labels;
        this.messages = Objects.requireNonNull(messages, "messages");
        this.original = List.copyOf(initial);
        initial.forEach(t -> rows.add(new Row(t.key(), t.value())));
        rows.addListener((ListChangeListener<Row>) c -> validate());
        validate();
    }

    /**
     * An editor of a tag policy: each row is a required key, checked as a tag key of {@code spec}, and the
     * regular expression its values must match (empty for any value).
     */
    public static TagEditorViewModel forPolicy(TagSpec spec, Messages messages,
                                               dev.snapferry.core.audit.TagPolicy policy) {
        Objects.requireNonNull(spec, "spec");
        return new TagEditorViewModel(rules -> TagRules.validatePolicy(rules, spec), "policy", messages,
                policy.rules().stream().map(r -> new Tag(r.key(), r.allowedValues())).toList());
    }

    /** The edited rows as a tag policy; call only while {@link #validProperty()} is true. */
    public dev.snapferry.core.audit.TagPolicy policy() {
        return new dev.snapferry.core.audit.TagPolicy(tags().stream()
                .map(t -> new dev.snapferry.core.audit.TagPolicy.Rule(t.key(), t.value())).toList());
    }

    /** The prefix of the View's message keys: {@code tags} for tags, {@code policy} for a tag policy. */
    public String labels() {
        return labels;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Adds an empty row at the end and returns it (the View focuses its key). */
    public Row add() {
        Row row = new Row("", "");
        rows.add(row);
        return row;
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    /** The problem of the set as a whole (too many tags); empty when there is none. */
    public ReadOnlyStringProperty setProblemProperty() {
        return setProblem.getReadOnlyProperty();
    }

    /** True when every tag is acceptable to AWS for this engine. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The tags as edited, blank rows left out, in row order. */
    public List<Tag> tags() {
        return rows.stream().filter(r -> !r.blank()).map(r -> new Tag(r.key.get(), r.value.get())).toList();
    }

    /** What differs from the tags the editor started with. */
    public Changes changes() {
        Map<String, String> before = new LinkedHashMap<>();
        original.forEach(t -> before.put(t.key(), t.value()));
        List<Tag> put = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Tag tag : tags()) {
            kept.add(tag.key());
            if (!tag.value().equals(before.get(tag.key()))) {
                put.add(tag);
            }
        }
        List<String> removed = before.keySet().stream().filter(k -> !kept.contains(k)).toList();
        return new Changes(put, removed);
    }

    private void validate() {
        List<Row> tagRows = rows.stream().filter(r -> !r.blank()).toList();
        rows.forEach(r -> {
            r.keyProblem.set("");
            r.valueProblem.set("");
        });
        String count = "";
        boolean ok = true;
        for (Problem problem : check.apply(tags())) {
            ok &= !problem.isError();
            String text = messages.get(problem.messageKey(), problem.args().toArray());
            String field = problem.field();
            int open = field.indexOf('[');
            if (open < 0) {
                count = text;
                continue;
            }
            Row row = tagRows.get(Integer.parseInt(field.substring(open + 1, field.indexOf(']'))));
            ReadOnlyStringWrapper target = field.endsWith(".key") ? row.keyProblem : row.valueProblem;
            if (target.get().isEmpty()) {
                target.set(text);
            }
        }
        setProblem.set(count);
        valid.set(ok);
    }
}
