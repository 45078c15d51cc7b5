/**
 * MicroProfile Health checks of what Chorus needs on a node (its cluster view, its caches, the chat topic), and the
 * availability it publishes for the balancer.
 */
package org.chorus.infrastructure.health;
