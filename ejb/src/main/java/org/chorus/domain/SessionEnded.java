package org.chorus.domain;

/**
 * An HTTP session ended (logout, new login or expiry): every node closes the WebSockets opened with it.
 */
public record SessionEnded(String httpSession) {
}
