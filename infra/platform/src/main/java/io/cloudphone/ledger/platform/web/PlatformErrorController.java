package io.cloudphone.ledger.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what never reached a controller (a request the security
 * firewall rejected, a method the container refuses, an error after the response began): problem+json like every
 * other error, with the status the container chose and nothing of its message. Replaces Spring Boot's
 * BasicErrorController, whose JSON had another shape and answered a direct {@code GET /error} with status 999.
 */
// Hidden: not an operation of the API, only where the container sends its errors.
@Hidden
@RestController
public class PlatformErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is no resource of the API.
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail(status));
        return ResponseEntity.status(status).body(Problems.typed(body, CommonProblem.forStatus(status.value())));
    }

    static String detail(HttpStatus status) {
        return status.is5xxServerError() ? "the request failed unexpectedly; nothing it asked for was committed "
                + "unless its status says so" : "the request cannot be served as sent (" + status.value() + ")";
    }
}
