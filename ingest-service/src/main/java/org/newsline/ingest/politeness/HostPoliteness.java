package org.newsline.ingest.politeness;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Per-host limits shared by feed polls and page fetches: at most {@code maxConcurrent} requests at once and at
 * least {@code minDelay} between the starts of two requests, plus any {@code Retry-After} a host asked for.
 * Hosts are keyed by their resolved address, so two names for one server share its limits. Limits can be
 * overridden per host pattern ({@code "*.example.com"}, {@code "127.0.0.*"}). Thread-safe.
 */
public final class HostPoliteness {

    /** The limits for one host. */
    public record Limits(int maxConcurrent, Duration minDelay) {
        public Limits {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
            }
            Objects.requireNonNull(minDelay, "minDelay");
            if (minDelay.isNegative()) {
                throw new IllegalArgumentException("minDelay must not be negative: " + minDelay);
            }
        }

        /** 2 concurrent requests, 1 second apart. */
        public static Limits defaults() {
            return new Limits(2, Duration.ofSeconds(1));
        }
    }

    /**
     * Limits for hosts matching {@code pattern}: a host name or address, {@code *} matching any run of characters
     * ({@code "*.example.com"} matches {@code example.com} too).
     */
    public record HostRule(String pattern, Limits limits) {
        public HostRule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(limits, "limits");
        }

        /**
         * Parses {@code "pattern=concurrency/delay"}, the form configuration uses: {@code "*.example.com=4/500ms"},
         * {@code "127.0.0.*=50/0s"}; the delay in ms, s, m or h, or ISO-8601 ({@code PT2S}).
         *
         * @throws IllegalArgumentException naming the bad part
         */
        public static HostRule parse(String spec) {
            Objects.requireNonNull(spec, "spec");
            int eq = spec.lastIndexOf('=');
            int slash = spec.lastIndexOf('/');
            if (eq <= 0 || slash < eq) {
                throw new IllegalArgumentException("host rule must look like pattern=concurrency/delay: '" + spec + "'");
            }
            String pattern = spec.substring(0, eq).strip();
            int concurrency;
            try {
                concurrency = Integer.parseInt(spec.substring(eq + 1, slash).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("host rule concurrency is not a number: '" + spec + "'");
            }
            return new HostRule(pattern, new Limits(concurrency, parseDelay(spec.substring(slash + 1).strip(), spec)));
        }

        /** Rules separated by commas, semicolons or whitespace; an empty string is no rules. */
        public static List<HostRule> parseList(String specs) {
            if (specs == null || specs.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(specs.split("[,;\\s]+")).filter(x -> !x.isEmpty()).map(HostRule::parse)
                    .toList();
        }

        private static Duration parseDelay(String d, String spec) {
            try {
                if (d.toUpperCase(Locale.ROOT).startsWith("P")) {
                    return Duration.parse(d);
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(d);
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    return switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    };
                }
            } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("host rule delay must be like 500ms, 2s, 1m or PT2S: '" + spec + "'");
        }

        boolean matches(String host) {
            String p = pattern.toLowerCase(Locale.ROOT).strip();
            if (p.startsWith("*.") && host.equals(p.substring(2))) {
                return true;
            }
            StringBuilder regex = new StringBuilder();
            String[] parts = p.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(parts[i]));
            }
            return host.matches(regex.toString());
        }
    }

    /** Longest wait a Retry-After can impose; beyond this a host is just "slow". */
    public static final Duration MAX_BACK_OFF = Duration.ofHours(24);
    private static final int EVICT_ABOVE = 10_000;

    private final Limits defaults;
    private final List<HostRule> rules;
    private final Function<String, String> keyOf;
    private final Map<String, HostState> states = new ConcurrentHashMap<>();

    /** Default limits for every host, keyed by resolved address. */
    public HostPoliteness() {
        this(Limits.defaults(), List.of());
    }

    public HostPoliteness(Limits defaults, List<HostRule> rules) {
        this(defaults, rules, HostPoliteness::resolvedAddress);
    }

    /** With {@code keyOf} mapping a host name to the key limits are counted under ({@code h -> h} keys by name). */
    public HostPoliteness(Limits defaults, List<HostRule> rules, Function<String, String> keyOf) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.rules = List.copyOf(rules);
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    /** Blocks until a request to {@code host} is allowed; close the permit when the request is done. */
    public HostPermit acquire(String host) throws InterruptedException {
        return acquire(host, null).orElseThrow();
    }

    /**
     * Waits at most {@code maxWait} (null: as long as it takes) for a request to {@code host} to be allowed; empty
     * if it is not allowed by then. Close the permit when the request is done.
     */
    public Optional<HostPermit> acquire(String host, Duration maxWait) throws InterruptedException {
        String h = normalize(host);
        long deadline = maxWait == null ? 0 : System.nanoTime() + maxWait.toNanos();
        while (true) {
            HostState state = state(h);
            synchronized (state) {
                while (!state.retired) {
                    long now = System.nanoTime();
                    if (state.active < state.limits.maxConcurrent() && now - state.nextStartNanos >= 0) {
                        return Optional.of(grant(state, h, now));
                    }
                    if (maxWait != null && now - deadline >= 0) {
                        return Optional.empty();
                    }
                    long waitNanos = state.nextStartNanos - now;
                    long waitMillis = waitNanos > 0 ? Math.max(1, waitNanos / 1_000_000) : 1_000;
                    if (maxWait != null) {
                        waitMillis = Math.max(1, Math.min(waitMillis, (deadline - now) / 1_000_000));
                    }
                    state.wait(waitMillis);
                }
            }
        }
    }

    /** A permit if a request to {@code host} is allowed right now, else empty; never blocks. */
    public Optional<HostPermit> tryAcquire(String host) {
        String h = normalize(host);
        HostState state = state(h);
        synchronized (state) {
            long now = System.nanoTime();
            if (!state.retired && state.active < state.limits.maxConcurrent() && now - state.nextStartNanos >= 0) {
                return Optional.of(grant(state, h, now));
            }
            return Optional.empty();
        }
    }

    /** How long until {@code host}'s delay has passed (zero if now); a full host may still make callers wait. */
    public Duration delayFor(String host) {
        HostState state = state(normalize(host));
        synchronized (state) {
            long wait = state.nextStartNanos - System.nanoTime();
            return wait > 0 ? Duration.ofNanos(wait) : Duration.ZERO;
        }
    }

    /** No request to {@code host} starts before {@code retryAfter} from now (for 429 and 503 answers). */
    public void backOff(String host, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            return;
        }
        Duration d = retryAfter.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : retryAfter;
        HostState state = state(normalize(host));
        synchronized (state) {
            long until = System.nanoTime() + d.toNanos();
            if (until - state.nextStartNanos > 0) {
                state.nextStartNanos = until;
            }
            state.notifyAll();
        }
    }

    /** The limits that apply to {@code host}. */
    public Limits limitsFor(String host) {
        String h = normalize(host);
        for (HostRule rule : rules) {
            if (rule.matches(h)) {
                return rule.limits();
            }
        }
        return defaults;
    }

    private HostPermit grant(HostState state, String host, long now) {
        state.active++;
        state.nextStartNanos = now + state.limits.minDelay().toNanos();
        return new HostPermit(host, state.key, () -> release(state));
    }

    private void release(HostState state) {
        synchronized (state) {
            state.active--;
            state.notifyAll();
        }
    }

    private HostState state(String host) {
        String key = keyOf.apply(host);
        if (states.size() > EVICT_ABOVE) {
            evictIdle();
        }
        return states.computeIfAbsent(key, k -> new HostState(k, limitsFor(host)));
    }

    /** Forgets hosts with no request running and no delay pending, so the map does not grow without bound. */
    private void evictIdle() {
        long now = System.nanoTime();
        states.values().removeIf(s -> {
            synchronized (s) {
                if (s.active == 0 && now - s.nextStartNanos >= 0) {
                    s.retired = true;   // a waiter holding this state looks the key up again
                    s.notifyAll();
                    return true;
                }
                return false;
            }
        });
    }

    private static String normalize(String host) {
        Objects.requireNonNull(host, "host");
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /** The host's first address, or the name itself if it does not resolve (the fetch will fail on its own). */
    static String resolvedAddress(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return host;
        }
    }

    private static final class HostState {
        final String key;
        final Limits limits;
        int active;
        long nextStartNanos = System.nanoTime();
        boolean retired;

        HostState(String key, Limits limits) {
            this.key = key;
            this.limits = limits;
        }
    }
}
