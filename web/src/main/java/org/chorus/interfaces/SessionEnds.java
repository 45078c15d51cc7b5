package org.chorus.interfaces;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.chorus.application.ChatService;

/**
 * When an HTTP session ends (logout, a new login, expiry), has every node close the WebSockets opened with it.
 */
@WebListener
public class SessionEnds implements HttpSessionListener {

    @Inject
    ChatService chat;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        chat.sessionEnded(event.getSession().getId());
    }
}
