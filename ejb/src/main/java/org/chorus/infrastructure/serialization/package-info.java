/**
 * User property values as text in a connection's state: Java serialization in Base64, read back only through an
 * {@link java.io.ObjectInputFilter} built from a pattern the application sets.
 */
package org.chorus.infrastructure.serialization;
