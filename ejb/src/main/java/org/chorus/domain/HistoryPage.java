package org.chorus.domain;

import java.util.List;

/**
 * A page of a room's history, oldest first, and whether older messages remain.
 */
public record HistoryPage(String room, List<ChatMessage> messages, boolean more) {
}
