package io.cloudphone.ledger.simulator.payment.notification;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.notification.NotificationCodec;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import io.cloudphone.ledger.provider.signature.NotificationSignature;
import io.cloudphone.ledger.provider.simulator.SimulatorPaymentProvider;
import io.cloudphone.ledger.simulator.payment.book.NoticeSink;
import io.cloudphone.ledger.simulator.payment.fault.Faults;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the book's notifications to {@code <webhook base>/v1/webhooks/<PROVIDER>}, signed with that provider's
 * scheme afresh for every attempt, and resends them on the provider's schedule until a 2xx, as the providers do.
 * (Alipay wants the body {@code success}; any 2xx is taken here.)
 *
 * <p>Never blocks its caller (the book, under a charge's lock): {@link #send} only schedules. Bounded: at most
 * {@code pendingMax} notifications are in flight, a further one is DROPPED (and logged), as a provider's notification
 * is never guaranteed; {@code threads} attempts run at once, each waiting at most {@code attemptTimeout} for the
 * receiver (WeChat Pay's 5 s); the record of deliveries keeps the newest {@code logMax}.
 */
public final class NotificationDeliveries implements NoticeSink, AutoCloseable {

    public static final String WEBHOOK_PATH = "/v1/webhooks/";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliveries.class);

    /** Everything a reset forgets; attempts scheduled before it find themselves stale and stop. */
    private static final class Generation {
        final Semaphore pending;
        final Map<String, DeliveryRecord> log;

        Generation(int pendingMax, int logMax) {
            this.pending = new Semaphore(pendingMax);
            this.log = new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DeliveryRecord> eldest) {
                    return size() > logMax;
                }
            };
        }

        void record(DeliveryRecord record) {
            synchronized (log) {
                log.put(record.notification.notificationId(), record);
            }
        }
    }

    public record Limits(int pendingMax, int logMax, int threads, Duration attemptTimeout) {
        public Limits {
            if (pendingMax < 1 || logMax < 1 || threads < 1 || attemptTimeout.isNegative() || attemptTimeout.isZero()) {
                throw new IllegalArgumentException("delivery limits must be positive: " + this);
            }
        }
    }

    private final URI webhookBase;
    private final Map<ProviderName, NotificationSignature> signatures;
    private final DeliverySchedules schedules;
    private final Faults faults;
    private final Clock clock;
    private final Limits limits;
    private final ScheduledThreadPoolExecutor executor;
    private final HttpClient http;
    private volatile Generation current;

    public NotificationDeliveries(URI webhookBase, Map<ProviderName, NotificationSignature> signatures,
                                  DeliverySchedules schedules, Faults faults, Clock clock, Limits limits) {
        String base = webhookBase.toString();
        this.webhookBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.signatures = Map.copyOf(signatures);
        this.schedules = schedules;
        this.faults = faults;
        this.clock = clock;
        this.limits = limits;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(limits.threads(), task -> {
            Thread thread = new Thread(task, "notification-delivery-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.attemptTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.current = new Generation(limits.pendingMax(), limits.logMax());
    }

    public URI webhookUrl(ProviderName provider) {
        return URI.create(webhookBase + WEBHOOK_PATH + provider.name());
    }

    @Override
    public void send(ProviderNotification notification, Duration delay) {
        Generation generation = current;
        DeliveryRecord record = new DeliveryRecord(notification, NotificationCodec.write(notification),
                webhookUrl(notification.provider()), clock.instant(), faults.nextDuplicate());
        generation.record(record);
        if (!generation.pending.tryAcquire()) {
            record.dropped("more than " + limits.pendingMax() + " notifications pending (cpl.payment-sim."
                    + "notifications-pending-max)");
            LOG.warn("notification {} dropped: {} pending already", notification.notificationId(), limits.pendingMax());
            return;
        }
        schedule(generation, record, 0, false, delay.plus(faults.nextReorderDelay()));
    }

    /** The newest records first; only those of {@code merchantOrderNo} when it is given. */
    public List<DeliveryRecord.View> deliveries(String merchantOrderNo, int limit) {
        List<DeliveryRecord> records;
        Generation generation = current;
        synchronized (generation.log) {
            records = new ArrayList<>(generation.log.values());
        }
        List<DeliveryRecord.View> views = new ArrayList<>();
        for (DeliveryRecord record : records.reversed()) {
            if (views.size() == limit) {
                break;
            }
            if (merchantOrderNo == null || merchantOrderNo.equals(record.notification.merchantOrderNo())) {
                views.add(record.view());
            }
        }
        return views;
    }

    /** Forgets every record and stops every pending delivery. */
    public void reset() {
        current = new Generation(limits.pendingMax(), limits.logMax());
    }

    @Override
    public void close() {
        executor.shutdownNow();
        http.close();
    }

    private void schedule(Generation generation, DeliveryRecord record, int retry, boolean duplicate, Duration wait) {
        record.scheduled(clock.instant().plus(wait));
        try {
            executor.schedule(() -> attempt(generation, record, retry, duplicate), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            record.dropped("the simulator is shutting down");
            generation.pending.release();
        }
    }

    private void attempt(Generation generation, DeliveryRecord record, int retry, boolean duplicate) {
        if (generation != current) {
            generation.pending.release();
            return;
        }
        ProviderName provider = record.notification.provider();
        DeliveryRecord.Attempt attempt = post(record, provider, duplicate);
        record.attempted(attempt);
        boolean delivered = attempt.answerStatus() != null && attempt.answerStatus() / 100 == 2;
        if (duplicate) {
            generation.pending.release();
        } else if (delivered && record.duplicatePlanned) {
            schedule(generation, record, retry, true, schedules.duplicateDelay(provider));
        } else if (delivered) {
            generation.pending.release();
        } else {
            Optional<Duration> next = schedules.retryDelay(provider, retry);
            if (next.isEmpty()) {
                record.gaveUp();
                generation.pending.release();
                LOG.info("notification {} to {}: no 2xx after {} attempts, given up as {} does",
                        record.notification.notificationId(), record.url, retry + 1, provider);
            } else {
                schedule(generation, record, retry + 1, false, next.get());
            }
        }
    }

    private DeliveryRecord.Attempt post(DeliveryRecord record, ProviderName provider, boolean duplicate) {
        HttpRequest.Builder request = HttpRequest.newBuilder(record.url).timeout(limits.attemptTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", SimulatorPaymentProvider.SIMULATOR_HEADER_VALUE)
                .header(SimulatorPaymentProvider.SIMULATOR_HEADER, SimulatorPaymentProvider.SIMULATOR_HEADER_VALUE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(record.body));
        signatures.get(provider).sign(record.body, clock.instant()).forEach(request::header);
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return new DeliveryRecord.Attempt(clock.instant(), status, null, duplicate);
        } catch (IOException e) {
            return new DeliveryRecord.Attempt(clock.instant(), null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), duplicate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryRecord.Attempt(clock.instant(), null, "interrupted (shutting down)", duplicate);
        }
    }
}
