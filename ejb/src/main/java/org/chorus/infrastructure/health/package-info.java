/**
 * MicroProfile Health checks of what Chorus needs on a node: its cluster view, its caches, the chat topic.
 */
package org.chorus.infrastructure.health;
