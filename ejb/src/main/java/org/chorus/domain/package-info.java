/**
 * The chat's vocabulary: messages, names and the reasons a request is refused.
 */
package org.chorus.domain;
