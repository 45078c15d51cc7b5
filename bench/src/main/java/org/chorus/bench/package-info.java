/** The Chorus load and failover benchmark: {@code ./chorus bench SCENARIO [--option value]...}. */
package org.chorus.bench;
