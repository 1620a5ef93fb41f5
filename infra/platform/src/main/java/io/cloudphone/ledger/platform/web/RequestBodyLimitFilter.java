package io.cloudphone.ledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code cpl.http.request-body-bytes-max} with 413 problem+json: at once when
 * Content-Length says so, and while reading when the body is chunked. Written by hand because neither
 * Tomcat nor Spring bounds a JSON body (Tomcat's max-post-size covers form posts only). Runs first, before
 * authentication, so an anonymous client cannot make the server buffer a large body.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long bytesMax;

    public RequestBodyLimitFilter(long bytesMax) {
        if (bytesMax < 1) {
            throw new IllegalArgumentException("cpl.http.request-body-bytes-max must be positive");
        }
        this.bytesMax = bytesMax;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > bytesMax) {
            writeTooLarge(request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, bytesMax), response);
    }

    private void writeTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The request line is not echoed: only fixed text, so nothing needs escaping.
        String body = "{\"title\":\"Request body too large\",\"status\":413,\"detail\":\"request bodies are limited to "
                + bytesMax + " bytes\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        request.getInputStream().close();
    }

    /** Thrown while reading a chunked body past the limit; {@link PlatformProblemHandler} answers 413. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long bytesMax) {
            super("request bodies are limited to " + bytesMax + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long bytesMax;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long bytesMax) {
            super(request);
            this.bytesMax = bytesMax;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), bytesMax);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long bytesMax;
        private long bytesRead;

        LimitedInputStream(ServletInputStream delegate, long bytesMax) {
            this.delegate = delegate;
            this.bytesMax = bytesMax;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            bytesRead += n;
            if (bytesRead > bytesMax) {
                throw new BodyTooLargeException(bytesMax);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
