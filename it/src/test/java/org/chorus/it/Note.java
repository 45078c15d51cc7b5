package org.chorus.it;

import java.io.Serializable;

/**
 * Test-only: an application's own value type in user properties, restored only where
 * {@code chorus.user-properties.filter} allows {@code org.chorus.it}.
 */
public record Note(String text) implements Serializable {
}
