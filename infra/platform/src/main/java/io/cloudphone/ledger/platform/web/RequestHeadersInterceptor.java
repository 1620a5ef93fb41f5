package io.cloudphone.ledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before a controller runs, a request whose answer could not be written or whose body could not be read
 * as sent: an {@code Accept} that admits no JSON (406) and a {@code Content-Type} that does not parse or holds a
 * wildcard (415). Left to the framework, both are found only after the controller ran: a command was committed and
 * its client told 406, or the framework failed with a 500.
 *
 * <p>Only for the apps' own JSON operations: a mapping that declares what it {@code produces} (the OpenAPI document,
 * its page) is negotiated by the framework as before, and handlers that are not controller methods (the actuator's)
 * are left alone.
 */
public class RequestHeadersInterceptor implements HandlerInterceptor {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException {
        if (!(handler instanceof HandlerMethod method) || declaresProduces(method)) {
            return true;
        }
        requireReadableContentType(request.getHeader(HttpHeaders.CONTENT_TYPE));
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        requireJsonAccepted(accept.isEmpty() ? null : String.join(",", accept));
        return true;
    }

    private static boolean declaresProduces(HandlerMethod method) {
        RequestMapping mapping = method.getMethodAnnotation(RequestMapping.class);
        return mapping != null && mapping.produces().length > 0;
    }

    static void requireReadableContentType(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotSupportedException("the Content-Type header is not a media type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException("the Content-Type of a body names one type, not a wildcard");
        }
    }

    static void requireJsonAccepted(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCED);
        }
        boolean json = accepted.stream().anyMatch(type -> PRODUCED.stream().anyMatch(type::isCompatibleWith)
                && type.getQualityValue() > 0);
        if (!json) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCED);
        }
    }
}
