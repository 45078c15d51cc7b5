/**
 * An example of another system posting into Chorus rooms through the inbound queue with the plain Artemis client.
 */
package org.chorus.inbound;
