package io.cloudphone.ledger.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON and reads the answer, and nothing else. Written by hand
 * for the load generator only: on 2 cores shared with the whole system, java.net.http cost ~1 ms of CPU per
 * request (measured), as much as the API itself, while the row-lock baseline's client (pgbench) is lean C.
 * Not for production use: no TLS, no redirects, no pipelining.
 */
final class KeepAliveHttp implements AutoCloseable {

    /** Bound on an answer's size: the API's answers are a few hundred bytes. */
    static final int ANSWER_BYTES_MAX = 1 << 20;
    static final int TIMEOUT_MS = 30_000;

    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Answer post(String path, String bearerToken, String idempotencyKey, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                + bearerToken + "\r\nIdempotency-Key: " + idempotencyKey
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        try {
            return exchange(head.getBytes(StandardCharsets.US_ASCII), body);
        } catch (IOException closedByServer) {
            close(); // a keep-alive connection the server closed meanwhile: one new connection, one more try
            return exchange(head.getBytes(StandardCharsets.US_ASCII), body);
        }
    }

    private Answer exchange(byte[] head, byte[] body) throws IOException {
        connectIfNeeded();
        out.write(head);
        out.write(body);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int contentLength = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        String answer = chunked ? chunkedBody() : new String(in.readNBytes(bounded(contentLength)), StandardCharsets.UTF_8);
        if (closing) {
            close();
        }
        return new Answer(status, answer);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(bounded(body.size() + size) - body.size()));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private static int bounded(int bytes) throws IOException {
        if (bytes < 0 || bytes > ANSWER_BYTES_MAX) {
            throw new IOException("answer of " + bytes + " bytes");
        }
        return bytes;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            // Buffered, so that head and body leave in one segment.
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
