/**
 * What this node counts (connections, messages, fan-out latency, resumes, refusals, closes) and its Prometheus page.
 */
package org.chorus.interfaces.metrics;
