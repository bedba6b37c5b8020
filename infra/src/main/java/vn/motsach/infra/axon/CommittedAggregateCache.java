package vn.motsach.infra.axon;

import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motsach.infra.background.BackgroundThreads;

/**
 * Aggregates kept in memory between commands, so that a copy with years of loans is not read
 * and replayed from the event store on every scan. Only state that PostgreSQL has committed is
 * ever handed out: Axon saves an aggregate before the command's transaction commits (the same
 * transaction also stores the idempotent answer), so a save takes the entry out at once and puts
 * the new state back only after the commit; a rollback leaves it out. A command that meets an
 * entry made stale by another instance loses at the event store's unique key, Axon drops the
 * entry on that rollback, and the command runs again on state read from the store.
 * <p>
 * Background work (an import, a processor's command) keeps nothing here, since no desk waits on
 * the aggregates it saves; its saves take stale entries out all the same.
 * <p>
 * Once {@code capacity} is passed, the least recently used tenth goes. Lookups take no lock:
 * every desk reads here, and a single lock around an access-ordered map made desks queue
 * behind a holder the scheduler had paused.
 */
public final class CommittedAggregateCache implements Cache {

    private final int capacity;
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final Object eviction = new Object();
    /** Orders uses; a counter rather than the clock, so that no two uses tie. */
    private final AtomicLong uses = new AtomicLong();
    private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public CommittedAggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        entry.lastUsed = uses.incrementAndGet();
        return (V) entry.value;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        if (BackgroundThreads.isCurrent()) {
            // an import's hundred thousand new copies would push out the desks' and fill the old
            // generation with garbage; no desk waits on them, the next load reads the store
            remove(key);
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store(key, value);
            return;
        }
        remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int size() {
        return entries.size();
    }

    private void store(Object key, Object value) {
        Entry previous = entries.put(key, new Entry(value, uses.incrementAndGet()));
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
        if (entries.size() > capacity) {
            evictLeastRecentlyUsed();
        }
    }

    /** Down to nine tenths of the capacity, so that eviction runs once per many saves. */
    private void evictLeastRecentlyUsed() {
        synchronized (eviction) {
            int surplus = entries.size() - (capacity - Math.max(1, capacity / 10));
            if (entries.size() <= capacity || surplus <= 0) {
                return;
            }
            entries.entrySet().stream()
                    .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsed))
                    .limit(surplus)
                    .toList()
                    .forEach(entry -> {
                        if (entries.remove(entry.getKey(), entry.getValue())) {
                            listeners.forEach(listener -> listener.onEntryExpired(entry.getKey()));
                        }
                    });
        }
    }

    private static final class Entry {

        private final Object value;
        private volatile long lastUsed;

        Entry(Object value, long lastUsed) {
            this.value = value;
            this.lastUsed = lastUsed;
        }
    }
}
