package org.innovadores.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a client address, a platform): {@code capacity} requests at once, refilled
 * at {@code perMinute}. In memory and per instance: it protects this instance's resources. The map
 * is bounded; when a flood of distinct keys fills it, it starts over rather than grow.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 50_000;

    private final double capacity;
    private final double perNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int capacity, int perMinute) {
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
    }

    /** True when the key may go on now; false when it must wait. */
    public boolean allow(String key) {
        if (buckets.size() > MAX_KEYS) buckets.clear();
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens < 1) return false;
            bucket.tokens -= 1;
            return true;
        }
    }
}
