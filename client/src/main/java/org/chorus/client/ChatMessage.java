package org.chorus.client;

import java.time.Instant;

/** A message of a room or inbox; {@code to} is set on inbox messages only. */
public record ChatMessage(String room, long seq, String id, String from, String to, String text, Instant ts) {
}
