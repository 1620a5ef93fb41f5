package io.cloudphone.ledger.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for what it refuses before any servlet runs (a path with {@code %00}, an encoded
 * slash or backslash, a malformed request line): problem+json instead of Tomcat's HTML, without its message or
 * version. Installed on the host by {@link PlatformWebAutoConfiguration}.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
        ProblemType type = CommonProblem.forStatus(code);
        // Written by hand: no JSON mapper is reachable here, and every value is a constant of ours (no escaping).
        String body = "{\"type\":\"%s\",\"code\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(type.type(), type.code(), type.title(), code, PlatformErrorController.detail(status));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already on its way: nothing more to say.
        }
    }
}
