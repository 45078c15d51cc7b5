/** When to try again: exponential backoff with full jitter, and the one timer thread that clients share. */
package org.chorus.client.retry;
