/**
 * The chat's use cases, as stateless services the web tier calls.
 */
package org.chorus.application;
