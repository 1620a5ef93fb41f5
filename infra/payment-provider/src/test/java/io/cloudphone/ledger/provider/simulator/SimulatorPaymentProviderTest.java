package io.cloudphone.ledger.provider.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cloudphone.ledger.provider.ChargeAnswer;
import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ChargeStatus;
import io.cloudphone.ledger.provider.CloseAnswer;
import io.cloudphone.ledger.provider.ProviderCharge;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundAnswer;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client reads answers, against a scripted HTTP server: the simulator's own behaviour is proved by its own
 * module's tests against the real simulator; here only the mapping of statuses, codes and failures to outcomes.
 */
class SimulatorPaymentProviderTest {

    private static final ChargeRequest CHARGE = new ChargeRequest("order-0001", 1000, "CNY", "top-up");
    private static final String CHARGE_JSON = "{\"provider\":\"ALIPAY\",\"merchantOrderNo\":\"order-0001\","
            + "\"providerChargeId\":\"sim-alipay-ch-1\",\"amountMinor\":1000,\"currency\":\"CNY\",\"status\":\"%s\"}";

    private final AtomicReference<Script> script = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private HttpServer server;
    private SimulatorPaymentProvider provider;

    private record Script(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            lastPath.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            Script answer = script.get();
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        provider = new SimulatorPaymentProvider(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                ProviderName.ALIPAY, Duration.ofMillis(500));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(int status, String body) {
        script.set(new Script(status, body, 0));
    }

    @Test
    void aCreatedChargeIsAcceptedWithItsState() {
        answer(201, CHARGE_JSON.formatted("NOT_PAID"));

        assertThat(provider.charge(CHARGE)).isEqualTo(new ChargeAnswer.Accepted(new ProviderCharge(ProviderName.ALIPAY,
                "order-0001", "sim-alipay-ch-1", 1000, "CNY", ChargeState.NOT_PAID)));
        assertThat(lastPath.get()).isEqualTo("POST /alipay/charges");
    }

    @Test
    void aClientErrorWithAProviderCodeIsARefusal() {
        answer(409, "{\"code\":\"ORDER_NO_REUSED\",\"message\":\"taken by 999 CNY\"}");

        assertThat(provider.charge(CHARGE)).isEqualTo(new ChargeAnswer.Refused("ORDER_NO_REUSED", "taken by 999 CNY"));
    }

    @Test
    void aServerErrorIsUnknownNeverARefusal() {
        answer(503, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"try again\"}");

        assertThat(provider.charge(CHARGE)).isInstanceOf(ChargeAnswer.Unknown.class);
        assertThat(provider.close("order-0001")).isInstanceOf(CloseAnswer.Unknown.class);
        assertThat(provider.refund(new RefundRequest("refund-0001", "order-0001", 10, "CNY", null)))
                .isInstanceOf(RefundAnswer.Unknown.class);
    }

    @Test
    void aClientErrorWithoutAProviderCodeIsUnknown() {
        answer(404, "<html>Not Found</html>");

        assertThat(provider.queryCharge("order-0001")).isEqualTo(new ChargeStatus.Unknown(
                "GET /alipay/charges/order-0001: HTTP 404 without a provider code"));
    }

    @Test
    void rateLimitingAndRequestTimeoutAreUnknownSinceTheSameCallMayBeSentAgain() {
        answer(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"slow down\"}");
        assertThat(provider.charge(CHARGE)).isInstanceOf(ChargeAnswer.Unknown.class);

        answer(408, "{\"code\":\"TIMEOUT\",\"message\":\"\"}");
        assertThat(provider.charge(CHARGE)).isInstanceOf(ChargeAnswer.Unknown.class);
    }

    @Test
    void anAnswerThatCannotBeReadIsUnknown() {
        answer(200, "{\"provider\":\"ALIPAY\"}");
        assertThat(provider.charge(CHARGE)).isInstanceOf(ChargeAnswer.Unknown.class);

        answer(200, "not json");
        assertThat(provider.queryCharge("order-0001")).isInstanceOf(ChargeStatus.Unknown.class);

        answer(200, CHARGE_JSON.formatted("PAID_TWICE"));
        assertThat(provider.queryCharge("order-0001")).isInstanceOf(ChargeStatus.Unknown.class);
    }

    @Test
    void anAnswerAboutAnotherChargeIsUnknown() {
        answer(200, CHARGE_JSON.formatted("SUCCEEDED").replace("order-0001", "order-0002"));

        assertThat(provider.queryCharge("order-0001")).isInstanceOf(ChargeStatus.Unknown.class);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsUnknown() {
        script.set(new Script(200, CHARGE_JSON.formatted("NOT_PAID"), 1500));
        long started = System.nanoTime();

        ChargeAnswer answer = provider.charge(CHARGE);

        assertThat(answer).isEqualTo(new ChargeAnswer.Unknown("POST /alipay/charges: no answer within 500 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void aRefusedConnectionIsUnknown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SimulatorPaymentProvider unreachable = new SimulatorPaymentProvider(
                URI.create("http://127.0.0.1:" + closedPort + "/"), ProviderName.STRIPE, Duration.ofMillis(500));

        assertThat(unreachable.charge(CHARGE)).isInstanceOf(ChargeAnswer.Unknown.class);
        assertThat(unreachable.queryRefund("refund-0001")).isInstanceOf(RefundStatus.Unknown.class);
    }

    @Test
    void theNotFoundCodesAndAlreadyPaidAreTheirOwnOutcomes() {
        answer(404, "{\"code\":\"NO_SUCH_CHARGE\",\"message\":\"\"}");
        assertThat(provider.queryCharge("order-0001")).isEqualTo(new ChargeStatus.NoSuchCharge("order-0001"));
        assertThat(provider.close("order-0001")).isEqualTo(new CloseAnswer.NoSuchCharge("order-0001"));

        answer(404, "{\"code\":\"NO_SUCH_REFUND\",\"message\":\"\"}");
        assertThat(provider.queryRefund("refund-0001")).isEqualTo(new RefundStatus.NoSuchRefund("refund-0001"));

        answer(409, "{\"code\":\"ALREADY_PAID\",\"message\":\"paid at 12:00\"}");
        assertThat(provider.close("order-0001")).isEqualTo(new CloseAnswer.AlreadyPaid("order-0001", "ALREADY_PAID"));
        assertThat(lastPath.get()).isEqualTo("POST /alipay/charges/order-0001/close");
    }

    @Test
    void aCloseAnsweredWithAChargeThatIsNotClosedIsUnknown() {
        answer(200, CHARGE_JSON.formatted("NOT_PAID"));

        assertThat(provider.close("order-0001")).isInstanceOf(CloseAnswer.Unknown.class);
    }
}
