/** The protocol's frames written as JSON text and read back, through one JSON-P provider. */
package org.chorus.client.frame;
