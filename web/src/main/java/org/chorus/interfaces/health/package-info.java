/**
 * Health of the web tier and the MicroProfile Health JSON endpoints every server answers on its HTTP port.
 */
package org.chorus.interfaces.health;
