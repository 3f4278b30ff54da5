package dev.snapferry.ui.share;

import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A scripted {@link ShareDialogs}: does to the dialog what the test says, then saves or cancels as it answers. */
final class RecordingShareDialogs implements ShareDialogs {

    private Predicate<ShareViewModel> user = share -> false;
    private @Nullable ShareViewModel last;

    /** What the user does in the next dialogs; true means Save, false Cancel. */
    void answer(Predicate<ShareViewModel> what) {
        user = Objects.requireNonNull(what, "what");
    }

    /** The last dialog opened. */
    ShareViewModel last() {
        return Objects.requireNonNull(last, "no share dialog was opened");
    }

    @Override
    public boolean editSharing(ShareViewModel share) {
        last = share;
        return user.test(share);
    }
}
