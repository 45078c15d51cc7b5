/** The benchmark's protocol client: login, a non-blocking WebSocket per client, and the order check of each room. */
package org.chorus.bench.client;
