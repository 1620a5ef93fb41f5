package io.cloudphone.ledger.simulator.payment;

import io.cloudphone.ledger.simulator.payment.book.Book;
import io.cloudphone.ledger.simulator.payment.fault.Faults;
import io.cloudphone.ledger.simulator.payment.notification.DeliverySchedules;
import io.cloudphone.ledger.simulator.payment.notification.NotificationDeliveries;
import io.cloudphone.ledger.simulator.payment.notification.SimulatorKeys;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulator's parts, wired from its settings. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Faults faults() {
        return new Faults();
    }

    @Bean
    SimulatorKeys simulatorKeys(SimulatorSettings settings) {
        SimulatorSettings.Keys keys = settings.keys();
        return SimulatorKeys.load(keys.wechatPrivateKey(), keys.alipayPrivateKey(), keys.stripeSecret());
    }

    @Bean
    NotificationDeliveries notificationDeliveries(SimulatorSettings settings, SimulatorKeys keys, Faults faults,
                                                  Clock clock) {
        return new NotificationDeliveries(settings.webhookBase(), keys.signatures(),
                new DeliverySchedules(settings.compression()), faults, clock,
                new NotificationDeliveries.Limits(settings.notificationsPendingMax(), settings.notificationLogMax(),
                        settings.deliveryThreads(), settings.deliveryTimeout()));
    }

    /** The book's timer: one thread that only flips refund states, which takes microseconds. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService bookTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "book-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Bean
    Book book(SimulatorSettings settings, Clock clock, ScheduledExecutorService bookTimer,
              NotificationDeliveries deliveries) {
        TimeCompression compression = settings.compression();
        return new Book(clock, (delay, task) -> bookTimer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                deliveries, new Book.Rules(settings.chargesMax(), settings.refundsMax(), settings.armedFaultsMax(),
                compression.compress(settings.refundProcessingDelay()),
                compression.compress(settings.lateNotificationDelay()),
                compression.compress(settings.closeMinimumAge())));
    }
}
