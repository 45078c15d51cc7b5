package org.chorus.inbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Command line: posts one message into a room through the inbound queue and prints its JMS message id.
 *
 * <pre>
 * java -jar chorus-inbound-client.jar --room general --sender build-bot --text "Build 1234 passed"
 *     [--id build-1234] [--url tcp://127.0.0.1:8180?httpUpgradeEnabled=true] [--user backend] [--password ...]
 * </pre>
 */
public final class Post {

    private Post() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "tcp://127.0.0.1:8180?httpUpgradeEnabled=true",
                "user", "backend", "password", "chorus-demo", "sender", "build-bot", "id",
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
        System.err.println("usage: --room ROOM --text TEXT [--sender build-bot] [--id ID] [--url URL] [--user backend]"
                + " [--password PASSWORD]");
        System.exit(2);
    }
}
