package org.chorus.client;

import java.util.List;

/** A join's answer: the room's latest seq, its members online, and whether history no longer reaches the asked seq. */
public record Joined(String room, long seq, List<String> members, boolean truncated) {
}
