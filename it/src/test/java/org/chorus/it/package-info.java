/**
 * Integration tests: Arquillian against two WildFly servers, and the run command seen from outside.
 */
package org.chorus.it;
