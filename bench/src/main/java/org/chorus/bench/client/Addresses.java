package org.chorus.bench.client;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out local addresses 127.0.0.2 to 127.0.0.254 in turn, each with an ephemeral port. */
public final class Addresses {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Addresses() {
    }

    public static InetSocketAddress next() {
        int host = 2 + Math.floorMod(NEXT.getAndIncrement(), 253);
        return new InetSocketAddress("127.0.0." + host, 0);
    }
}
