/**
 * The JSON HTTP API under {@code /chorus/api}.
 */
package org.chorus.interfaces.rest;
