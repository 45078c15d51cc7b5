/** What a caller may plug into a client: its network (transport), its login, and a look at every frame that arrives. */
package org.chorus.client.spi;
