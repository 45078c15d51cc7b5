/**
 * The benchmark's clients: adapters over the client library, its Undertow transport, logins, and the order check of
 * each room.
 */
package org.chorus.bench.client;
