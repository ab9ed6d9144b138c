import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for bench/intake.sh (run as a single-file program: java bench/IntakeLoad.java ...).
 *   setup <baseUrl> <private-key.pem> <account> <whsec_secret>   creates a `standard` account through the API
 *   run <baseUrl> <account> <whsec_secret> <connections> <seconds> <warmup-seconds>
 *   realtime <baseUrl> <jwt> <account> <whsec_secret> <references-file> <gap-ms>
 * `run` is closed-loop: each of <connections> threads keeps one keep-alive connection busy with signed Standard
 * Webhooks deliveries, every one a new event id and a new transaction, and records each latency. It prints one
 * line: connections, requests, requests/s, p50 and p99 in ms, and non-2xx answers.
 * `realtime` (bench/realtime.sh) sends, one at a time with <gap-ms> between them, one signed delivery per line of
 * <references-file> ("receivableId reference"), a payment naming that reference, and after each polls
 * GET /receivables/{id} until it is paid; it prints the acknowledgement and notification-to-paid latencies.
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("setup")) {
            setup(args[1], Path.of(args[2]), args[3], args[4]);
        } else if (args.length > 0 && args[0].equals("realtime")) {
            realtime(args[1], args[2], args[3], args[4], Path.of(args[5]), Integer.parseInt(args[6]));
        } else if (args.length > 0 && args[0].equals("run")) {
            run(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        } else {
            System.err.println("usage: setup <baseUrl> <key.pem> <account> <secret> | run <baseUrl> <account> <secret> <connections> <seconds> <warmup>");
            System.exit(2);
        }
    }

    static void setup(String base, Path keyPem, String account, String secret) throws Exception {
        String pem = Files.readString(keyPem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = Instant.now().getEpochSecond();
        String header = b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"iss\":\"walletrecon\",\"sub\":\"bench\",\"upn\":\"bench\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String jwt = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        String body = "{\"code\":\"" + account + "\",\"provider\":\"standard\",\"name\":\"Benchmark\",\"currency\":\"EUR\","
                + "\"timeZone\":\"Europe/Berlin\",\"credentials\":{\"webhookSecrets\":[\"" + secret + "\"]}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/accounts"))
                .header("Authorization", "Bearer " + jwt).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("account setup failed: " + response.statusCode() + " " + response.body());
        }
    }

    static void run(String base, String account, String secret, int connections, int seconds, int warmup) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        URI uri = URI.create(base + "/webhooks/standard/" + account);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String runId = Long.toString(System.nanoTime(), 36);
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[4_000_000 / connections + 1000];
            latencies.add(mine);
            int index = c;
            Thread t = new Thread(() -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                    long seq = 0;
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        String id = "msg_" + runId + "_" + index + "_" + seq++;
                        HttpRequest request = delivery(mac, uri, id, index, "INV-" + seq, "benchmark payment");
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long done = System.nanoTime();
                        if (start >= warmupEnd && done <= end) {
                            if (status / 100 != 2) {
                                errors.incrementAndGet();
                            } else if (counts[index] < mine.length) {
                                mine[counts[index]++] = done - start;
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double rps = total / (double) seconds;
        System.out.printf("connections=%d requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d%n", connections, total, rps,
                percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, errors.get());
    }

    static void realtime(String base, String jwt, String account, String secret, Path references, int gapMs)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base + "/webhooks/standard/" + account);
        List<String> lines = Files.readAllLines(references);
        long[] acked = new long[lines.size()];
        long[] paid = new long[lines.size()];
        String runId = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).trim().split(" ");
            String receivable = parts[0], reference = parts[1];
            String id = "msg_" + runId + "_" + i;
            HttpRequest request = delivery(mac, uri, id, i, reference, "real-time benchmark payment");
            long start = System.nanoTime();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            acked[i] = System.nanoTime() - start;
            if (status / 100 != 2) {
                throw new IllegalStateException("delivery " + i + " answered " + status);
            }
            HttpRequest poll = HttpRequest.newBuilder(URI.create(base + "/receivables/" + receivable))
                    .header("Authorization", "Bearer " + jwt).GET().build();
            long deadline = start + 120_000_000_000L;
            while (!client.send(poll, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"paid\"")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("receivable " + receivable + " not paid 120 s after its notification");
                }
                Thread.sleep(5);
            }
            paid[i] = System.nanoTime() - start;
            Thread.sleep(gapMs);
        }
        Arrays.sort(acked);
        Arrays.sort(paid);
        System.out.printf("notifications=%d ack_p50_ms=%.1f ack_p95_ms=%.1f paid_p50_ms=%.1f paid_p95_ms=%.1f paid_max_ms=%.1f%n",
                lines.size(), percentile(acked, 0.50) / 1e6, percentile(acked, 0.95) / 1e6, percentile(paid, 0.50) / 1e6,
                percentile(paid, 0.95) / 1e6, paid[paid.length - 1] / 1e6);
    }

    /**
     * A signed Standard Webhooks delivery of a new 88.88 EUR payment (transaction {@code txn_<id>}) from payer
     * {@code payer<n>@example.com} naming {@code reference}; {@code mac} holds the account's secret.
     */
    static HttpRequest delivery(Mac mac, URI uri, String id, int payer, String reference, String description) {
        byte[] body = ("{\"type\":\"payment.succeeded\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"id\":\"txn_" + id
                + "\",\"amount\":8888,\"currency\":\"EUR\",\"fee\":120,\"occurred_at\":\"" + Instant.now() + "\","
                + "\"payer\":{\"kind\":\"email\",\"id\":\"payer" + payer + "@example.com\"},\"reference\":\"" + reference
                + "\",\"description\":\"" + description + "\"}}").getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
        String sig = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", sig)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
