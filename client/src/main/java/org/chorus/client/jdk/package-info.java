/** The default network of a client: the JDK's java.net.http, for the login and for the WebSocket. */
package org.chorus.client.jdk;
