/**
 * Who a request is: the password checked against the server's Elytron security domain, the identity kept by the
 * container for the HTTP session (and with it across a failover), roles declared in {@code web.xml}.
 */
package org.chorus.interfaces.security;
