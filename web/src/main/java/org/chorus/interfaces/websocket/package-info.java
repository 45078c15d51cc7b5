/**
 * The chat WebSocket endpoint {@code /chorus/chat}: its handshake guard, its frames and the node's local sessions.
 */
package org.chorus.interfaces.websocket;
