package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** A listener's copy of a list, kept only from the changes the list reports, as a table keeps its rows. */
final class ChangeReplay {

    private ChangeReplay() {
    }

    /** The copy; after each change of {@code list} it must hold the same rows, if the change was told right. */
    static <E> List<E> mirror(ObservableList<E> list) {
        List<E> copy = new ArrayList<>(list);
        list.addListener((ListChangeListener<E>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    List<E> before = new ArrayList<>(copy.subList(c.getFrom(), c.getTo()));
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(c.getPermutation(i), before.get(i - c.getFrom()));
                    }
                } else if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(i, c.getList().get(i));
                    }
                } else {
                    List<E> gone = copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize());
                    assertThat(gone).as("the rows reported removed are the ones the listener had there")
                            .isEqualTo(c.getRemoved());
                    gone.clear();
                    copy.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
        return copy;
    }
}
