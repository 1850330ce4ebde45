package org.newsline.runtime.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The health checks of a process: each service adds its own (broker reachable, topics exist, group joined);
 * {@code /health} answers 200 only when all pass.
 */
public final class Health {

    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

    public void add(String name, BooleanSupplier check) {
        checks.put(name, check);
    }

    /** Each check's result, in name order. */
    public Map<String, Boolean> results() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> {
            boolean ok;
            try {
                ok = checks.get(name).getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            out.put(name, ok);
        });
        return out;
    }

    public boolean healthy() {
        return !checks.isEmpty() && results().values().stream().allMatch(Boolean::booleanValue);
    }
}
