/**
 * What the outside world talks to: the JSON HTTP API and the chat WebSocket endpoint.
 */
package org.chorus.interfaces;
