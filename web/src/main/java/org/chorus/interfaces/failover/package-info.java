/**
 * WebSocket user properties that fail over: {@code Session.getUserProperties()} of an endpoint annotated
 * {@link org.chorus.interfaces.failover.ReplicatedUserProperties} kept in the replicated {@code connections} cache and
 * restored when the connection resumes on another node.
 */
package org.chorus.interfaces.failover;
