package org.chorus.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.InboundPost;
import org.chorus.domain.InboundRefusal;
import org.eclipse.microprofile.config.Config;

/**
 * Posts what other systems put on the inbound queue: checks that the credential may speak as the sender, then stores
 * and fans the message out like any chat message (seq, deduplicated by sender and id).
 */
@ApplicationScoped
public class InboundService {

    /** Prefix of the setting listing, per credential, the sender identities it may use: {@code ...senders.backend}. */
    public static final String SENDERS = "chorus.inbound.senders.";

    @Inject
    ChatService chat;

    @Inject
    Config config;

    /** Posts the message or says why not; a repeated (sender, id) gets the first post's ack. */
    public Ack post(InboundPost post) {
        if (post.credential() == null || post.credential().isEmpty()) {
            throw new InboundRefusal("no_credential",
                    "the message carries no authenticated user; post with application credentials");
        }
        List<String> allowed = config.getOptionalValues(SENDERS + post.credential(), String.class).orElse(List.of());
        if (!allowed.contains(post.sender())) {
            throw new InboundRefusal("sender_not_allowed", "credential " + post.credential() + " may not post as \""
                    + post.sender() + "\" (allowed: " + String.join(", ", allowed) + "; setting " + SENDERS
                    + post.credential() + ")");
        }
        try {
            return chat.post(post.sender(), post.room(), post.id(), post.text());
        } catch (ChatRejection e) {
            throw new InboundRefusal(e.code().wire(), e.getMessage());
        }
    }
}
