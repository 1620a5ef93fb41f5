package io.cloudphone.ledger.provider.simulator;

import io.cloudphone.ledger.provider.Amounts;
import io.cloudphone.ledger.provider.ChargeAnswer;
import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ChargeStatus;
import io.cloudphone.ledger.provider.CloseAnswer;
import io.cloudphone.ledger.provider.MerchantNumbers;
import io.cloudphone.ledger.provider.PaymentProvider;
import io.cloudphone.ledger.provider.ProviderCharge;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.ProviderRefund;
import io.cloudphone.ledger.provider.RefundAnswer;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.provider.RefundStatus;
import io.cloudphone.ledger.provider.RefusalCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link PaymentProvider} over the payment-provider simulator's HTTP API ({@code infra/payment-provider-simulator}),
 * as one of its providers ({@code <base>/<slug>/...}): the adapter the gateway worker runs against locally and in
 * tests, and a model of what a production adapter does with the network.
 *
 * <p>What counts as what: a 2xx with a readable charge or refund is the answer; a 4xx carrying a provider code
 * ({@code {"code":...,"message":...}}) is a refusal (404 {@code NO_SUCH_CHARGE} / {@code NO_SUCH_REFUND} and 409
 * {@code ALREADY_PAID} are their own outcomes); everything else is {@code Unknown}: a time-out (the whole exchange
 * is bounded by the request timeout), a refused or reset connection, a 5xx, 408 and 429 (the call may be retried
 * with the same number), a 4xx without a provider code (a proxy's page, a wrong URL), an answer that cannot be
 * read or that is about another charge.
 */
public final class SimulatorPaymentProvider implements PaymentProvider {

    /** The header every answer of the simulator carries, with {@link #SIMULATOR_HEADER_VALUE}. */
    public static final String SIMULATOR_HEADER = "X-Simulator";
    public static final String SIMULATOR_HEADER_VALUE = "cpl-payment-provider-simulator";
    /** An answer is a few hundred bytes; a larger one is not the simulator's. */
    static final int ANSWER_BYTES_MAX = 64 * 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final URI base;
    private final ProviderName provider;
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * @param simulatorBase  the simulator's root, e.g. {@code http://127.0.0.1:8090}
     * @param requestTimeout the longest one call may take, connection included; beyond it the answer is Unknown
     */
    public SimulatorPaymentProvider(URI simulatorBase, ProviderName provider, Duration requestTimeout) {
        this(simulatorBase, provider, requestTimeout, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** With a client of the caller's (shared between providers); its connect timeout should not exceed the request's. */
    public SimulatorPaymentProvider(URI simulatorBase, ProviderName provider, Duration requestTimeout,
                                    HttpClient http) {
        String root = simulatorBase.toString();
        this.base = URI.create((root.endsWith("/") ? root : root + "/") + provider.slug() + "/");
        this.provider = Objects.requireNonNull(provider, "provider");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        this.requestTimeout = requestTimeout;
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ProviderName name() {
        return provider;
    }

    @Override
    public ChargeAnswer charge(ChargeRequest request) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("merchantOrderNo", request.merchantOrderNo())
                .put("amountMinor", request.amountMinor())
                .put("currency", request.currency())
                .put("description", request.description());
        return switch (exchange(post("charges", body))) {
            case Unanswered(String reason) -> new ChargeAnswer.Unknown(reason);
            case Answered answer when answer.isSuccess() -> {
                try {
                    yield new ChargeAnswer.Accepted(charge(answer.body(), request.merchantOrderNo()));
                } catch (UnreadableAnswer e) {
                    yield new ChargeAnswer.Unknown(e.getMessage());
                }
            }
            case Answered answer when answer.isRefusal() -> new ChargeAnswer.Refused(answer.code(), answer.message());
            case Answered answer -> new ChargeAnswer.Unknown(answer.describe());
        };
    }

    @Override
    public ChargeStatus queryCharge(String merchantOrderNo) {
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        return switch (exchange(get("charges/" + merchantOrderNo))) {
            case Unanswered(String reason) -> new ChargeStatus.Unknown(reason);
            case Answered answer when answer.isSuccess() -> {
                try {
                    yield new ChargeStatus.Found(charge(answer.body(), merchantOrderNo));
                } catch (UnreadableAnswer e) {
                    yield new ChargeStatus.Unknown(e.getMessage());
                }
            }
            case Answered answer when answer.is(404, RefusalCodes.NO_SUCH_CHARGE) ->
                    new ChargeStatus.NoSuchCharge(merchantOrderNo);
            case Answered answer when answer.isRefusal() -> new ChargeStatus.Refused(answer.code(), answer.message());
            case Answered answer -> new ChargeStatus.Unknown(answer.describe());
        };
    }

    @Override
    public CloseAnswer close(String merchantOrderNo) {
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        return switch (exchange(post("charges/" + merchantOrderNo + "/close", MAPPER.createObjectNode()))) {
            case Unanswered(String reason) -> new CloseAnswer.Unknown(reason);
            case Answered answer when answer.isSuccess() -> {
                try {
                    ProviderCharge charge = charge(answer.body(), merchantOrderNo);
                    yield charge.state() == ChargeState.CLOSED ? new CloseAnswer.Closed(charge)
                            : new CloseAnswer.Unknown("a close answered 2xx with the charge " + charge.state());
                } catch (UnreadableAnswer e) {
                    yield new CloseAnswer.Unknown(e.getMessage());
                }
            }
            case Answered answer when answer.is(409, RefusalCodes.ALREADY_PAID) ->
                    new CloseAnswer.AlreadyPaid(merchantOrderNo, answer.code());
            case Answered answer when answer.is(404, RefusalCodes.NO_SUCH_CHARGE) ->
                    new CloseAnswer.NoSuchCharge(merchantOrderNo);
            case Answered answer when answer.isRefusal() -> new CloseAnswer.Refused(answer.code(), answer.message());
            case Answered answer -> new CloseAnswer.Unknown(answer.describe());
        };
    }

    @Override
    public RefundAnswer refund(RefundRequest request) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("merchantRefundNo", request.merchantRefundNo())
                .put("merchantOrderNo", request.merchantOrderNo())
                .put("amountMinor", request.amountMinor())
                .put("currency", request.currency())
                .put("reason", request.reason());
        return switch (exchange(post("refunds", body))) {
            case Unanswered(String reason) -> new RefundAnswer.Unknown(reason);
            case Answered answer when answer.isSuccess() -> {
                try {
                    yield new RefundAnswer.Accepted(refund(answer.body(), request.merchantRefundNo()));
                } catch (UnreadableAnswer e) {
                    yield new RefundAnswer.Unknown(e.getMessage());
                }
            }
            case Answered answer when answer.isRefusal() -> new RefundAnswer.Refused(answer.code(), answer.message());
            case Answered answer -> new RefundAnswer.Unknown(answer.describe());
        };
    }

    @Override
    public RefundStatus queryRefund(String merchantRefundNo) {
        MerchantNumbers.requireValid(merchantRefundNo, "merchantRefundNo");
        return switch (exchange(get("refunds/" + merchantRefundNo))) {
            case Unanswered(String reason) -> new RefundStatus.Unknown(reason);
            case Answered answer when answer.isSuccess() -> {
                try {
                    yield new RefundStatus.Found(refund(answer.body(), merchantRefundNo));
                } catch (UnreadableAnswer e) {
                    yield new RefundStatus.Unknown(e.getMessage());
                }
            }
            case Answered answer when answer.is(404, RefusalCodes.NO_SUCH_REFUND) ->
                    new RefundStatus.NoSuchRefund(merchantRefundNo);
            case Answered answer when answer.isRefusal() -> new RefundStatus.Refused(answer.code(), answer.message());
            case Answered answer -> new RefundStatus.Unknown(answer.describe());
        };
    }

    private HttpRequest post(String path, ObjectNode body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Accept", "application/json").GET().build();
    }

    /** The whole exchange, body included, bounded by the request timeout. */
    private Exchange exchange(HttpRequest request) {
        String call = request.method() + " " + request.uri().getPath();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Unanswered(call + ": no answer within " + requestTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Unanswered(call + ": interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Unanswered(call + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return Answered.of(call, response.statusCode(), response.body());
    }

    private ProviderCharge charge(JsonNode body, String merchantOrderNo) {
        ProviderCharge charge = read(() -> new ProviderCharge(ProviderName.valueOf(text(body, "provider")),
                text(body, "merchantOrderNo"), text(body, "providerChargeId"), number(body, "amountMinor"),
                Amounts.requireCurrency(text(body, "currency")), ChargeState.valueOf(text(body, "status"))));
        requireAbout(charge.provider(), charge.merchantOrderNo(), merchantOrderNo);
        return charge;
    }

    private ProviderRefund refund(JsonNode body, String merchantRefundNo) {
        ProviderRefund refund = read(() -> new ProviderRefund(ProviderName.valueOf(text(body, "provider")),
                text(body, "merchantRefundNo"), text(body, "merchantOrderNo"), text(body, "providerRefundId"),
                number(body, "amountMinor"), text(body, "currency"), RefundState.valueOf(text(body, "status"))));
        requireAbout(refund.provider(), refund.merchantRefundNo(), merchantRefundNo);
        return refund;
    }

    private void requireAbout(ProviderName answered, String answeredNumber, String askedNumber) {
        if (answered != provider || !answeredNumber.equals(askedNumber)) {
            throw new UnreadableAnswer("the answer is about " + answered + " " + answeredNumber + ", not " + provider
                    + " " + askedNumber);
        }
    }

    private interface Reader<T> {
        T read();
    }

    private static <T> T read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableAnswer("an answer that cannot be read: " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return value.stringValue();
    }

    private static long number(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not a whole number");
        }
        return value.longValue();
    }

    private sealed interface Exchange {
    }

    private record Unanswered(String reason) implements Exchange {
    }

    /** An HTTP answer: its status, its body as JSON (a missing node when it is not JSON) and the provider's code. */
    private record Answered(String call, int status, JsonNode body, String code, String message) implements Exchange {

        static Answered of(String call, int status, byte[] bytes) {
            JsonNode body = MAPPER.missingNode();
            if (bytes.length <= ANSWER_BYTES_MAX) {
                try {
                    body = MAPPER.readTree(bytes);
                } catch (JacksonException notJson) {
                    // Not JSON: no code, so never a refusal (see isRefusal).
                }
            }
            JsonNode code = body.path("code");
            JsonNode message = body.path("message");
            return new Answered(call, status, body, code.isString() && !code.stringValue().isBlank() ? code.stringValue() : null,
                    message.isString() ? message.stringValue() : null);
        }

        boolean isSuccess() {
            return status >= 200 && status < 300 && body.isObject();
        }

        /** A 4xx with the provider's code, except 408 and 429, after which the same call may simply be sent again. */
        boolean isRefusal() {
            return status >= 400 && status < 500 && status != 408 && status != 429 && code != null;
        }

        boolean is(int expectedStatus, String expectedCode) {
            return status == expectedStatus && expectedCode.equals(code);
        }

        String describe() {
            return call + ": HTTP " + status + (code == null ? " without a provider code" : " " + code)
                    + (message == null ? "" : ": " + message);
        }
    }

    private static final class UnreadableAnswer extends RuntimeException {
        UnreadableAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
