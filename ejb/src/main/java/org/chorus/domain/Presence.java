package org.chorus.domain;

/**
 * A user came online in a room (first live connection) or went offline (last one gone).
 */
public record Presence(String room, String user, boolean online) {
}
