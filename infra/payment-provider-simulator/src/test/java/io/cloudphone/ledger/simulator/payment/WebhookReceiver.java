package io.cloudphone.ledger.simulator.payment;

import com.sun.net.httpserver.HttpServer;
import io.cloudphone.ledger.provider.notification.NotificationCodec;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The webhook endpoint of the tests: records every delivery (path, headers, raw body) and answers 200. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String path, Map<String, List<String>> headers, byte[] body) {
        ProviderNotification notification() {
            return NotificationCodec.read(body);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                receiver.deliveries.add(new Delivery(exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Delivery> deliveriesFor(String merchantOrderNo) {
        return deliveries.stream().filter(d -> d.notification().merchantOrderNo().equals(merchantOrderNo)).toList();
    }

    void clear() {
        deliveries.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
