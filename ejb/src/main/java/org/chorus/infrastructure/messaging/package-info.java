/**
 * The JMS topic that carries every chat message to every cluster member, and its message-driven bean.
 */
package org.chorus.infrastructure.messaging;
