package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.provider.simulator.SimulatorPaymentProvider;
import io.cloudphone.ledger.simulator.payment.book.SimulatorError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks every answer, errors and health included, with {@code X-Simulator: cpl-payment-provider-simulator}, and
 * refuses a body declared larger than {@value #BODY_BYTES_MAX} bytes (every request of these APIs is under 1 KiB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SimulatorHeaderFilter extends OncePerRequestFilter {

    static final long BODY_BYTES_MAX = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(SimulatorPaymentProvider.SIMULATOR_HEADER, SimulatorPaymentProvider.SIMULATOR_HEADER_VALUE);
        if (request.getContentLengthLong() > BODY_BYTES_MAX) {
            response.setStatus(SimulatorError.REQUEST_TOO_LARGE.httpStatus());
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"code\":\"" + SimulatorError.REQUEST_TOO_LARGE.name()
                    + "\",\"message\":\"a body of at most " + BODY_BYTES_MAX + " bytes\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The error dispatch too: its answer is a new one as far as the header is concerned. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
