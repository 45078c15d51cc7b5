/**
 * What runs inside the servers' mod_cluster subsystem on Chorus's behalf.
 */
package org.chorus.modcluster;
