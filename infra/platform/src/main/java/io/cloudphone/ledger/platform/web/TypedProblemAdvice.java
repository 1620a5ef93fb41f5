package io.cloudphone.ledger.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last step of every problem+json answer written through Spring MVC: a body raised with a status alone (the
 * framework's own errors: unreadable JSON, a missing header, a wrong method or media type) gets the code and type
 * of {@link CommonProblem#forStatus(int)}, so that no error reaches a client without a code.
 */
@RestControllerAdvice
public class TypedProblemAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && !Problems.isTyped(problem)) {
            Problems.typed(problem, CommonProblem.forStatus(problem.getStatus()));
        }
        return body;
    }
}
