package org.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.chorus.client.frame.Frames;
import org.chorus.client.spi.Authenticator;
import org.chorus.client.spi.HttpStatusException;
import org.chorus.client.spi.Inbound;
import org.chorus.client.spi.Link;
import org.chorus.client.spi.Transport;

/** A server in memory that a test plays: its transport hands over each connection the client opens, and it logs in. */
final class FakeServer implements Transport, Authenticator {

    static final long WAIT_SECONDS = 5;

    final BlockingQueue<Socket> opened = new LinkedBlockingQueue<>();
    final AtomicInteger logins = new AtomicInteger();
    volatile int refuseNext;
    volatile int refuseLogin;

    @Override
    public CompletionStage<String> login(URI base, String user, char[] password) {
        if (refuseLogin != 0) {
            return CompletableFuture.failedFuture(new HttpStatusException(refuseLogin, "login"));
        }
        return CompletableFuture.completedFuture("JSESSIONID=s" + logins.incrementAndGet());
    }

    @Override
    public CompletionStage<Link> open(URI uri, String cookie, Inbound inbound) {
        int refuse = refuseNext;
        refuseNext = 0;
        if (refuse != 0) {
            return CompletableFuture.failedFuture(new HttpStatusException(refuse, "handshake"));
        }
        Socket socket = new Socket(uri, cookie, inbound);
        opened.add(socket);
        return CompletableFuture.completedFuture(socket);
    }

    /** The next connection the client opens. */
    Socket accept() throws InterruptedException {
        Socket socket = opened.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(socket, "the client opened no connection");
        return socket;
    }

    /** One connection as the server sees it: what the client wrote, and frames to write to it. */
    static final class Socket implements Link {

        final URI uri;
        final String cookie;
        final Inbound inbound;
        final BlockingQueue<JsonObject> written = new LinkedBlockingQueue<>();
        volatile int closedWith;
        volatile boolean aborted;

        Socket(URI uri, String cookie, Inbound inbound) {
            this.uri = uri;
            this.cookie = cookie;
            this.inbound = inbound;
        }

        @Override
        public void send(String text) {
            written.add(Frames.parse(text));
        }

        @Override
        public void close(int code) {
            closedWith = code;
        }

        @Override
        public void abort() {
            aborted = true;
        }

        /** The next frame the client wrote, which must be of {@code type}. */
        JsonObject read(String type) throws InterruptedException {
            JsonObject frame = written.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(frame, "the client wrote no " + type);
            assertEquals(type, frame.getString("type"), frame.toString());
            return frame;
        }

        /** A frame to the client, in JSON with single quotes for readability. */
        Socket write(String json) {
            inbound.text(json.replace('\'', '"'));
            return this;
        }

        Socket welcome(String node, String token, boolean resumed, String rooms) {
            return write("{'type':'welcome','user':'alice','node':'" + node + "','resume':'" + token + "','resumed':"
                    + resumed + ",'rooms':[" + rooms + "]}");
        }

        Socket joined(String room, long seq) {
            return write("{'type':'joined','room':'" + room + "','seq':" + seq + ",'members':['alice'],"
                    + "'truncated':false}");
        }

        Socket message(String room, long seq) {
            return write("{'type':'message','room':'" + room + "','seq':" + seq + ",'id':'m" + seq + "','from':'bob',"
                    + "'text':'text " + seq + "','ts':'2026-11-21T10:15:30.123Z'}");
        }

        Socket ack(String id, String room, long seq) {
            return write("{'type':'ack','id':'" + id + "','room':'" + room + "','seq':" + seq + "}");
        }

        Socket error(String code, String ref) {
            return write("{'type':'error','code':'" + code + "','message':'no','ref':'" + ref + "'}");
        }
    }
}
