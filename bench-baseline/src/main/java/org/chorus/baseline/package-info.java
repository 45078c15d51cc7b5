/** The benchmark's baseline deployment: a bare WebSocket broadcast that Chorus's figures are compared with. */
package org.chorus.baseline;
