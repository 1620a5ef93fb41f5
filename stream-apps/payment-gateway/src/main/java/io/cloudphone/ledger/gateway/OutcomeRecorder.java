package io.cloudphone.ledger.gateway;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the provider said of one call: its row and its outbox event in ONE local transaction, so the
 * outcome exists in Kafka if and only if it is recorded here. A call already recorded (a redelivered call, a worker
 * that died after the commit and before its offset) records nothing more.
 */
@Component
class OutcomeRecorder {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Topics topics;

    OutcomeRecorder(JdbcClient jdbc, TransactionTemplate transactions, Topics topics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.topics = topics;
    }

    boolean recorded(String callId) {
        return jdbc.sql("SELECT 1 FROM gateway.gateway_call WHERE call_id = :id").param("id", callId).query(Integer.class)
                .optional().isPresent();
    }

    /** True when this recorded it; false when the call had been recorded already. */
    boolean record(GatewayCall call, ProviderCalls.Said said, Instant at) {
        GatewayOutcome outcome = GatewayOutcome.newBuilder().setEventId(call.getCallId()).setCallId(call.getCallId())
                .setOrderId(call.getOrderId()).setKind(call.getKind()).setMerchantRefundNo(call.getMerchantRefundNo())
                .setOutcome(said.outcome()).setProviderCode(said.providerCode()).setDetail(said.detail())
                .setOccurredAt(at).build();
        byte[] payload = topics.gatewayOutcomeSerde().serialize(Topics.GATEWAY_OUTCOMES, outcome);
        // Derived from the call, so that the outbox row of one call has one id whoever writes it.
        UUID eventId = UUID.nameUUIDFromBytes(("gateway:" + call.getCallId()).getBytes(StandardCharsets.UTF_8));
        Boolean recorded = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO gateway.gateway_call (call_id, order_id, kind, provider, merchant_refund_no, outcome,
                                                      provider_code, detail)
                            VALUES (:callId, :orderId, :kind, :provider, :refundNo, :outcome, :code, :detail)
                            ON CONFLICT (call_id) DO NOTHING""")
                    .param("callId", call.getCallId()).param("orderId", call.getOrderId())
                    .param("kind", call.getKind().name()).param("provider", call.getProvider().name())
                    .param("refundNo", call.getMerchantRefundNo()).param("outcome", said.outcome().name())
                    .param("code", said.providerCode()).param("detail", said.detail()).update();
            if (inserted == 0) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO public.outbox_event (id, aggregatetype, aggregateid, type, payload)
                            VALUES (:id, :aggregateType, :orderId, 'GatewayOutcome', :payload)""")
                    .param("id", eventId).param("aggregateType", Topics.GATEWAY_AGGREGATE_TYPE)
                    .param("orderId", call.getOrderId()).param("payload", payload).update();
            return true;
        });
        return Boolean.TRUE.equals(recorded);
    }
}
