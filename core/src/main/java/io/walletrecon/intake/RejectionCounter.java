package io.walletrecon.intake;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and logs refused deliveries per provider and reason since start. In-process and dependency-free so that
 * it works the same in a native Lambda; the log line is what a log metric filter counts across instances.
 */
@ApplicationScoped
public class RejectionCounter {

    private static final Logger LOG = Logger.getLogger(RejectionCounter.class);

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Logs provider, account code and reason; the message never holds a secret or the body. */
    public void record(String provider, String account, RejectionReason reason, String message) {
        // the path is caller input: bound the counter keys and keep log lines single and short
        String known = KNOWN_PROVIDERS.contains(provider) ? provider : "unknown";
        counts.computeIfAbsent(known + "/" + reason.code(), k -> new LongAdder()).increment();
        LOG.warnf("webhook rejected: provider=%s account=%s reason=%s status=%d: %s",
                safe(provider), safe(account), reason.code(), reason.status, safe(message));
    }

    private static final java.util.Set<String> KNOWN_PROVIDERS = java.util.Set.of("stripe", "standard", "wechatpay",
            "alipay");

    private static String safe(String s) {
        if (s == null) {
            return "-";
        }
        String printable = s.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable;
    }

    public long count(String provider, RejectionReason reason) {
        LongAdder adder = counts.get(provider + "/" + reason.code());
        return adder == null ? 0 : adder.sum();
    }

    public Snapshot snapshot() {
        List<Count> items = counts.entrySet().stream()
                .map(e -> {
                    String[] parts = e.getKey().split("/", 2);
                    return new Count(parts[0], parts[1], e.getValue().sum());
                })
                .sorted(Comparator.comparing(Count::provider).thenComparing(Count::reason))
                .toList();
        return new Snapshot(items.stream().mapToLong(Count::count).sum(), items);
    }

    @RegisterForReflection
    public record Count(String provider, String reason, long count) {
    }

    @RegisterForReflection
    public record Snapshot(long total, List<Count> counts) {
    }
}
