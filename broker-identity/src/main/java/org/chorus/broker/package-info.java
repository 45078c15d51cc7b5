/**
 * What runs inside the servers' embedded Artemis broker on Chorus's behalf.
 */
package org.chorus.broker;
