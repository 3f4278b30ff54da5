package dev.snapferry.ui.tags;

import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.Messages;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;

/**
 * The dialogs of any screen, plus those that edit tags: they live with the tag editor, so that the common dialogs
 * know nothing of tags.
 */
public interface TagDialogService extends DialogService {

    /**
     * Asks for a name and tags together (a new snapshot's): the confirm button is enabled only while
     * {@code problem} finds nothing in the name and every tag is valid.
     */
    Optional<String> askNameAndTags(String title, String message, String initial,
                                    Function<String, Optional<String>> problem,
                                    TagEditorViewModel tags, String confirmLabel);

    /**
     * Shows a tag editor; true when the user saved (the confirm button is enabled only while every tag is valid).
     */
    boolean editTags(String title, String message, TagEditorViewModel editor,
                     String confirmLabel);

    /**
     * The tag policy dialog, shared by the browser and the audit: the keys every snapshot must carry, each checked
     * as a tag key of {@code spec}, and the regular expression each one's values must match, checked as the user
     * types; saving replaces {@code policy}'s value.
     */
    default void editTagPolicy(Messages messages, TagSpec spec, ObjectProperty<TagPolicy> policy) {
        TagEditorViewModel editor = TagEditorViewModel.forPolicy(spec, messages, policy.get());
        if (editTags(messages.get("browser.tagPolicy.title"), messages.get("browser.tagPolicy.message"), editor,
                messages.get("browser.tagPolicy.save"))) {
            policy.set(editor.policy());
        }
    }
}
