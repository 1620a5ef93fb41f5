package io.cloudphone.ledger.streams.runtime.query;

import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a key's state lives: this instance (and the partition to read) or another instance of the group.
 *
 * @param local     whether this instance hosts the key's partition
 * @param partition the key's partition in the store
 * @param host      the instance that hosts it (application.server)
 */
public record KeyLocation(boolean local, int partition, HostInfo host) {

    /** {@code host:port}, as the {@value QueryRouter#SERVED_BY_HEADER} header names it. */
    public String hostAndPort() {
        return host.host() + ":" + host.port();
    }
}
