package dev.snapferry.sim.state;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A sorted map that counts its structural changes, so that a region can tell cheaply whether snapshots were added
 * or removed since it last looked for transfers in progress.
 */
final class TrackedMap<K, V> extends TreeMap<K, V> {

    private static final long serialVersionUID = 1L;

    private long version;

    long version() {
        return version;
    }

    @Override
    public V put(K key, V value) {
        version++;
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        version++;
        super.putAll(map);
    }

    @Override
    public @Nullable V remove(Object key) {
        version++;
        return super.remove(key);
    }

    @Override
    public void clear() {
        version++;
        super.clear();
    }
}
