/**
 * The JMS topic that carries every chat message to every cluster member and its message-driven bean; the inbound queue
 * on which other systems post into rooms, its listener and its dead letters.
 */
package org.chorus.infrastructure.messaging;
