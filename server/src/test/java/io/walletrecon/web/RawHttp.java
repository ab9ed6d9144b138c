package io.walletrecon.web;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library hides: sending a body while reading the answer,
 * stalling halfway through a body, declaring a length that never arrives. The body is written by its own thread
 * while the caller reads the answer, which tells how much of the body the server took before it answered.
 */
final class RawHttp implements AutoCloseable {

    record Answer(int status, Map<String, String> headers, String body, long bodyBytesSentBeforeAnswer) {
    }

    private final Socket socket;
    private final AtomicLong sent = new AtomicLong();
    private Thread writer;

    RawHttp() throws IOException {
        socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(60_000);
    }

    /**
     * Sends the request line and headers, then {@code bodyBytes} bytes of {@code fill} (chunked when {@code chunked}).
     */
    RawHttp send(String method, String path, Map<String, String> headers, long bodyBytes, boolean chunked, byte fill)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n")
                .append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        writer = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, fill);
            try {
                for (long left = bodyBytes; left > 0;) {
                    int n = (int) Math.min(chunk.length, left);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent.addAndGet(n);
                    left -= n;
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection after refusing the body: expected
            }
        }, "raw-http-body");
        writer.setDaemon(true);
        writer.start();
        return this;
    }

    /** Sends {@code prefix} as the start of a declared body of {@code declared} bytes, then nothing more. */
    RawHttp stall(String method, String path, Map<String, String> headers, long declared, byte[] prefix)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(declared).append("\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(prefix);
        out.flush();
        sent.addAndGet(prefix.length);
        return this;
    }

    /** Reads the status line, the headers and a Content-Length body. */
    Answer answer() throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String status = in.readLine();
        long sentThen = sent.get();
        if (status == null) {
            throw new IOException("the connection closed without an answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        byte[] bytes = new String(body, 0, read).getBytes(StandardCharsets.ISO_8859_1);
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(bytes, StandardCharsets.UTF_8),
                sentThen);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
