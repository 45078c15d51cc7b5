/** The benchmark's scenarios, one command each: fan-out, capacity, baseline, memory, failover, reconnect storm. */
package org.chorus.bench.scenario;
