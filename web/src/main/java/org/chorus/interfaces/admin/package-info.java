/**
 * The live cluster page for admins: each node's figures shared over the topic, and the page's data and guard.
 */
package org.chorus.interfaces.admin;
