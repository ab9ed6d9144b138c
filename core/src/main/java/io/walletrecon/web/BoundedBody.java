package io.walletrecon.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * Reads a request body on the event loop, up to {@code limit} bytes and within {@code timeout}, before the request
 * reaches its resource: a declared length over the limit is refused before a byte of the body is read, a chunked
 * body as soon as it passes the limit, a body still arriving at the deadline with 408. The resource then gets the
 * body from memory (Quarkus REST uses a body the router already read), so a slow sender holds no worker thread.
 * Refusals close the connection: the rest of the body is never read.
 */
final class BoundedBody implements Handler<RoutingContext> {

    /** Writes the answer to a refused request; the connection is closed after it. */
    interface Refusal {
        void answer(RoutingContext ctx, Reason reason);
    }

    enum Reason {
        TOO_LARGE, TOO_SLOW
    }

    private final long limit;
    private final Duration timeout;
    private final Refusal refusal;

    BoundedBody(long limit, Duration timeout, Refusal refusal) {
        this.limit = limit;
        this.timeout = timeout;
        this.refusal = refusal;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (declaredLength(request) > limit) {
            refuse(ctx, Reason.TOO_LARGE);
            return;
        }
        if (request.isEnded()) {
            ctx.setBody(Buffer.buffer());
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] done = {false};
        long timer = ctx.vertx().setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (!done[0]) {
                done[0] = true;
                refuse(ctx, Reason.TOO_SLOW);
            }
        });
        request.handler(chunk -> {
            if (done[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                done[0] = true;
                ctx.vertx().cancelTimer(timer);
                refuse(ctx, Reason.TOO_LARGE);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            ctx.vertx().cancelTimer(timer);
            ctx.setBody(body);
            ctx.next();
        });
        request.exceptionHandler(e -> {
            if (!done[0]) {
                done[0] = true;
                ctx.vertx().cancelTimer(timer);
                ctx.fail(400, e);
            }
        });
        request.resume();
    }

    private void refuse(RoutingContext ctx, Reason reason) {
        ctx.request().pause();
        refusal.answer(ctx, reason);
    }

    static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Ends the exchange with {@code status}, {@code contentType} and {@code body}, then closes the connection: the
     * unread rest of the request body must not be taken for the next request.
     */
    static void answerAndClose(RoutingContext ctx, int status, String contentType, String body) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CONNECTION, "close");
        response.endHandler(v -> {
            var connection = ctx.request().connection();
            if (connection != null) {
                connection.close();
            }
        });
        response.end(body);
    }
}
