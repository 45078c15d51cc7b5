/**
 * Chorus's state in the Infinispan caches of the {@code chorus} container: history, room heads, dedupe window,
 * presence.
 */
package org.chorus.infrastructure.store;
