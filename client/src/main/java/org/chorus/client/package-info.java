/**
 * A Java client of the Chorus protocol: {@link org.chorus.client.ChorusClient} logs in, keeps its WebSocket up across
 * node failures and resumes where it was; the records are what the server says, and the package-private classes are the
 * engine behind the client.
 */
package org.chorus.client;
