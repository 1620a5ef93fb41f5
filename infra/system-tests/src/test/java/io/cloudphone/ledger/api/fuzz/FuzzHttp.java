package io.cloudphone.ledger.api.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.cloudphone.ledger.api.fuzz.FuzzRequests.FuzzRequest;
import io.cloudphone.ledger.api.fuzz.FuzzRequests.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends a generated request as it was generated. Mostly with {@link HttpClient}; over a plain socket, written by hand,
 * what HttpClient refuses to send: its restricted headers (Host, Content-Length, ...), header values and request
 * targets with control or non-ASCII characters, targets that are no URI ({@code %zz}). Any client on the network
 * can send those, so the apps must answer them like any other.
 */
final class FuzzHttp {

    /** @param status -1 when no HTTP answer came; then {@code failure} says what happened instead */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String failure) {

        static Answer none(String failure) {
            return new Answer(-1, Map.of(), new byte[0], failure);
        }

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        String text() {
            return new String(body, UTF_8);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** cpl.http.request-body-bytes-max of both apps. */
    private static final int BODY_LIMIT = 64 * 1024;
    /** HttpClient's restricted headers (jdk.httpclient.allowRestrictedHeaders). */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    Answer send(FuzzRequest request) {
        try {
            return needsSocket(request) ? overSocket(request) : overHttpClientOrSocket(request);
        } catch (IOException e) {
            return Answer.none(e.toString());
        }
    }

    /**
     * HttpClient refuses some values before sending anything (this class cannot foresee every one): those go over the
     * socket. A request HttpClient did send is never sent again: a second copy could write what the first did not.
     */
    private static Answer overHttpClientOrSocket(FuzzRequest request) throws IOException {
        HttpRequest built;
        try {
            built = build(request);
        } catch (IllegalArgumentException refusedByHttpClient) {
            return overSocket(request);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), lowerCased(response.headers().map()), response.body(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean needsSocket(FuzzRequest request) {
        if (!printableAscii(request.target()) || !isUri(request.operation().baseUrl() + request.target())
                || refusedWhileSent(request)) {
            return true;
        }
        return request.headers().stream().anyMatch(header -> RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))
                || !printableAscii(header.value()));
    }

    /**
     * Over the body limit or the header limit of an app, the app answers and closes the connection before it has read
     * the request; HttpClient, still writing, then reports a broken connection instead of the answer.
     */
    private static boolean refusedWhileSent(FuzzRequest request) {
        int head = request.target().length() + request.headers().stream().mapToInt(h -> h.value().length()).sum();
        return head > FuzzRequests.BELOW_HEADER_LIMIT * 2 || request.body() != null && request.body().length > BODY_LIMIT;
    }

    private static HttpRequest build(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.operation().baseUrl() + request.target()))
                .timeout(TIMEOUT)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Header header : request.headers()) {
            builder.header(header.name(), header.value());
        }
        return builder.build();
    }

    /** HTTP/1.1 by hand: one request per connection, read until the server closes it. */
    private static Answer overSocket(FuzzRequest request) throws IOException {
        URI base = URI.create(request.operation().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            write(socket.getOutputStream(), head(request, base), request.body());
            return parse(readUntilClosed(socket.getInputStream()));
        }
    }

    private static byte[] head(FuzzRequest request, URI base) {
        StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
        head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        boolean framed = false;
        for (Header header : request.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
            framed |= header.name().equalsIgnoreCase("Content-Length");
        }
        if (!framed) {
            head.append("Content-Length: ").append(request.body() == null ? 0 : request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(UTF_8);
    }

    /** A server may answer (413, 400) and close before it has read the whole body: then its answer still counts. */
    private static void write(OutputStream out, byte[] head, byte[] body) {
        try {
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException closedEarly) {
            // read what it answered
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no complete answer within " + TIMEOUT + " (" + read.size() + " bytes read)", e);
        } catch (IOException reset) {
            if (read.size() == 0) {
                throw reset;
            }
        }
        return read.toByteArray();
    }

    private static Answer parse(byte[] response) {
        int end = indexOf(response, "\r\n\r\n".getBytes(ISO_8859_1), 0);
        if (end < 0) {
            return Answer.none("no HTTP answer: " + new String(response, ISO_8859_1));
        }
        String[] lines = new String(response, 0, end, ISO_8859_1).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>();
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, chunked ? dechunked(body) : body, null);
    }

    private static byte[] dechunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(ISO_8859_1), at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        return lower;
    }

    private static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static boolean isUri(String text) {
        try {
            URI.create(text);
            return true;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
