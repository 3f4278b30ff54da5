package dev.snapferry.ui.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javafx.collections.ModifiableObservableListBase;

/**
 * An observable list that adds and removes a run of elements in one move of its array. JavaFX's
 * {@code FXCollections.observableArrayList()} adds a collection at an index, and removes a range, one element at a
 * time, each moving every element after it: replacing a region's 5,000 rows in the middle of 100,000 moved the
 * rows after them 5,000 times. The changes it reports are the same: one part per call.
 *
 * @param <E> the elements
 */
public final class BulkObservableList<E> extends ModifiableObservableListBase<E> {

    private final ArrayList<E> elements = new ArrayList<>();

    @Override
    public E get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    protected void doAdd(int index, E element) {
        elements.add(index, element);
    }

    @Override
    protected E doSet(int index, E element) {
        return elements.set(index, element);
    }

    @Override
    protected E doRemove(int index) {
        return elements.remove(index);
    }

    @Override
    public boolean addAll(Collection<? extends E> added) {
        return addAll(size(), added);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> added) {
        Objects.checkIndex(index, size() + 1);
        if (added.isEmpty()) {
            return false;
        }
        List<? extends E> copy = new ArrayList<>(added);
        beginChange();
        try {
            modCount++;
            elements.addAll(index, copy);
            nextAdd(index, index + copy.size());
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public void remove(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        if (from == to) {
            return;
        }
        beginChange();
        try {
            modCount++;
            List<E> range = elements.subList(from, to);
            nextRemove(from, new ArrayList<>(range));
            range.clear();
        } finally {
            endChange();
        }
    }

    /**
     * Replaces the elements from {@code from} to {@code to} with {@code replacement}, in one move and one change
     * (a region listed again: its old rows out, its new ones in, in their place).
     */
    public void replace(int from, int to, Collection<? extends E> replacement) {
        Objects.checkFromToIndex(from, to, size());
        List<? extends E> copy = new ArrayList<>(replacement);
        if (from == to && copy.isEmpty()) {
            return;
        }
        beginChange();
        try {
            modCount++;
            List<E> range = elements.subList(from, to);
            List<E> removed = new ArrayList<>(range);
            range.clear();
            elements.addAll(from, copy);
            if (removed.isEmpty()) {
                nextAdd(from, from + copy.size());
            } else if (copy.isEmpty()) {
                nextRemove(from, removed);
            } else {
                nextReplace(from, from + copy.size(), removed);
            }
        } finally {
            endChange();
        }
    }

    @Override
    protected void removeRange(int from, int to) {
        remove(from, to);
    }

    @Override
    public void clear() {
        remove(0, size());
    }

    @Override
    public boolean setAll(Collection<? extends E> all) {
        List<? extends E> copy = new ArrayList<>(all);
        beginChange();
        try {
            modCount++;
            List<E> before = new ArrayList<>(elements);
            elements.clear();
            elements.addAll(copy);
            if (!before.isEmpty()) {
                nextRemove(0, before);
            }
            if (!copy.isEmpty()) {
                nextAdd(0, copy.size());
            }
        } finally {
            endChange();
        }
        return true;
    }
}
