package org.chorus.cache;

/**
 * What the {@code connections} cache holds: a connection's state by its resume token, the resume tokens of an HTTP
 * session's connections, and the mark of an HTTP session that ended.
 */
public sealed interface ConnectionEntry permits SavedConnection, SessionTokens, SessionEnd {
}
