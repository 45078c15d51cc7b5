package org.chorus.cache;

/**
 * What the {@code dedupe} cache holds: for a (user, client id), a send's claim while it is stored and where it was
 * stored once it is; and the window's own mark of a restore from history.
 */
public sealed interface DedupeEntry permits SendClaim, RoomSeq, WindowMark {
}
