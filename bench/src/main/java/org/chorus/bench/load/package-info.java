/** Load runs: clients, senders on schedule, latency histograms, recovery after failures and the final verdict. */
package org.chorus.bench.load;
