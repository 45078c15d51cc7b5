package org.chorus.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client on a bare socket with a 4 KB receive buffer, which can stop reading: the slow reader. Speaks just
 * enough of RFC 6455: the upgrade, masked text frames out, frame headers in.
 */
public final class RawWebSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code base + "chat"} with the session cookie; fails unless the server switches protocols. */
    public static RawWebSocket open(URI base, String cookie) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connecting, so that the window stays small
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String request = "GET " + base.getPath() + "chat HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nCookie: " + cookie + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        String status = ws.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + status);
        }
        while (!ws.line().isEmpty()) {
            // response headers
        }
        return ws;
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed during the handshake");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** Sends one masked text frame. */
    public void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Reads (and counts) frames until a close frame; returns its code (-1: none within 30 s) and the number of text
     * frames before it.
     */
    public int[] drainUntilClose() throws IOException {
        int texts = 0;
        while (true) {
            int first;
            try {
                first = in.readUnsignedByte();
            } catch (java.net.SocketTimeoutException silent) {
                return new int[]{-1, texts};
            }
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                return new int[]{payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005,
                        texts};
            }
            if (opcode == 0x1) {
                texts++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
