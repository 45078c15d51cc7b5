/** The server JVMs of the cluster as the benchmark sees them on this machine: CPU, heap, kill and restart. */
package org.chorus.bench.cluster;
