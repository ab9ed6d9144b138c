import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark stub of a Stripe-compatible provider (JDK only, run with `java ProviderStub.java`).
 *   serve PORT          POST /v1/payouts answers like Stripe (id derived from the Idempotency-Key) and counts keys;
 *                       GET /stats prints "requests=N keys=K duplicates=D" (D = requests repeating a key).
 *   load URL N CONC     the baseline: N POSTs with fresh keys, CONC in flight, from a plain JDK HttpClient loop;
 *                       prints "baseline_rps=R".
 */
public class ProviderStub {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]));
        } else {
            load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    static void serve(int port) throws IOException {
        ConcurrentHashMap<String, AtomicLong> keys = new ConcurrentHashMap<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1/payouts", ex -> {
            ex.getRequestBody().readAllBytes();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null) {
                respond(ex, 400, "{\"error\":{\"message\":\"Idempotency-Key required by this stub\"}}");
                return;
            }
            requests.incrementAndGet();
            if (keys.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet() > 1) {
                duplicates.incrementAndGet();
            }
            respond(ex, 200, "{\"id\":\"po_" + key + "\",\"object\":\"payout\",\"status\":\"pending\"}");
        });
        server.createContext("/baseline", ex -> {
            ex.getRequestBody().readAllBytes();
            respond(ex, 200, "{\"id\":\"po_x\",\"object\":\"payout\",\"status\":\"pending\"}");
        });
        server.createContext("/stats", ex -> respond(ex, 200,
                "requests=" + requests.get() + " keys=" + keys.size() + " duplicates=" + duplicates.get() + "\n"));
        server.start();
    }

    static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void load(String url, int n, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("amount=100&currency=usd&destination=ba_1")).build();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("baseline_rps=%.0f failures=%d%n", n / seconds, failures.get());
    }
}
