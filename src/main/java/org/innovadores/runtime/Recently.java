package org.innovadores.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, in this instance's memory, what was done lately, so work that every page could repeat
 * (recording who visited a course, with what name and address) is done once per period and key. A
 * bounded memory: past 100 000 keys it starts afresh, which costs one repetition each.
 */
public final class Recently {

    private static final int MAX_KEYS = 100_000;

    private final Duration period;
    private final Map<String, Instant> done = new ConcurrentHashMap<>();

    public Recently(Duration period) {
        this.period = period;
    }

    /** True when the work for this key is due (not done within the period), and counts it as done now. */
    public boolean due(String key) {
        Instant now = Instant.now();
        Instant last = done.get(key);
        if (last != null && last.isAfter(now.minus(period))) return false;
        if (done.size() > MAX_KEYS) done.clear();
        done.put(key, now);
        return true;
    }
}
