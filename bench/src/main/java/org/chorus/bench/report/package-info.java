/** Benchmark results: JSON, a markdown table and PNG charts under target/bench. */
package org.chorus.bench.report;
