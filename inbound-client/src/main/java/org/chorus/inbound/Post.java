package org.chorus.inbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Command line: posts one message into a room through the inbound queue and prints its JMS message id.
 *
 * <pre>
 * java -jar chorus-inbound-client.jar --room general --sender build-bot --text "Build 1234 passed"
 *     [--id build-1234] [--url tcp://127.0.0.1:8180?httpUpgradeEnabled=true] [--user backend]
 * </pre>
 *
 * The password comes from the environment, {@code CHORUS_INBOUND_PASSWORD} ({@code ./chorus post} sets it from the
 * credentials file), so that it is on no command line.
 */
public final class Post {

    private Post() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "tcp://127.0.0.1:8180?httpUpgradeEnabled=true",
                "user", "backend", "sender", "build-bot", "id",
                "post-" + UUID.randomUUID()));
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                usage("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("room") || !options.containsKey("text")) {
            usage("--room and --text are required");
        }
        if (options.containsKey("password")) {
            usage("no --password: a command line is visible to every local user; set CHORUS_INBOUND_PASSWORD");
        }
        options.put("password", System.getenv("CHORUS_INBOUND_PASSWORD"));
        if (options.get("password") == null) {
            usage("the credential's password goes in the environment: CHORUS_INBOUND_PASSWORD");
        }
        try (InboundClient client = InboundClient.connect(options.get("url"), options.get("user"), options.get(
                "password"))) {
            String messageId = client.post(options.get("room"), options.get("sender"), options.get("id"), options.get(
                    "text"));
            System.out.println("posted " + options.get("id") + " to " + options.get("room") + " as " + options.get(
                    "sender") + " (" + messageId + ")");
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: CHORUS_INBOUND_PASSWORD=... java -jar chorus-inbound-client.jar --room ROOM --text"
                + " TEXT [--sender build-bot] [--id ID] [--url URL] [--user backend]");
        System.exit(2);
    }
}
