package org.chorus.domain;

/**
 * A message another system put on the inbound queue: the credential it authenticated with, and what it asks to post.
 *
 * @param credential
 *            the user the broker authenticated the sending connection as, or null
 * @param room
 *            the room to post into
 * @param sender
 *            the identity the message appears from, which the credential must be allowed to use
 * @param id
 *            the sender's message id: a repeated (sender, id) is stored once
 * @param text
 *            the message text
 */
public record InboundPost(String credential, String room, String sender, String id, String text) {
}
