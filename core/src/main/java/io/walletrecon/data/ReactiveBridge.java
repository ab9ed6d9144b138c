package io.walletrecon.data;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Hibernate Reactive needs a Vert.x context, and a Lambda handler or a plain worker thread has none. This is the
 * one bridge from blocking callers (Lambda {@code RequestHandler}s, benchmarks) to the reactive services:
 * it runs the work on a safe duplicated context and waits for it.
 */
public final class ReactiveBridge {

    private ReactiveBridge() {
    }

    /** Runs {@code work} (which opens its own sessions and transactions) and waits for its result. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in one transaction and waits for its result. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }
}
