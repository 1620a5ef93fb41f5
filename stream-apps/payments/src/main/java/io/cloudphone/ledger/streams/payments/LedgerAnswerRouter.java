package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.streams.runtime.deadletter.Decoded;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Picks the ledger's decisions on the payments app's own commands out of {@code cpl.ledger.decisions} (keyed by
 * account) and sends them, as they came, keyed by their order to the app's answers topic, where the case processor
 * reads them beside the order's commands. Every other decision, readable or not, is none of the app's business and
 * is passed over: the ledger's own consumers look after those.
 */
final class LedgerAnswerRouter implements Processor<byte[], byte[], byte[], byte[]> {

    private final AvroSerde<LedgerDecision> decisions;
    private final String decisionsTopic;
    private ProcessorContext<byte[], byte[]> context;

    LedgerAnswerRouter(AvroSerde<LedgerDecision> decisions, String decisionsTopic) {
        this.decisions = decisions;
        this.decisionsTopic = decisionsTopic;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (Decoded.decode(decisions, decisionsTopic, record.value())
                instanceof Decoded.Readable<LedgerDecision> readable) {
            PaymentLedgerRequests.parse(readable.value().getRequestId()).ifPresent(request -> context.forward(
                    record.withKey(request.orderId().getBytes(StandardCharsets.UTF_8))));
        }
    }
}
