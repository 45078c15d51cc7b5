package org.chorus.it;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Test-only: gives every HTTP session of the deployment a timeout of a few seconds, so that a test can outlast it.
 */
@WebListener
public class ShortSessions implements HttpSessionListener {

    /** The HTTP session timeout in the test deployment. */
    public static final int TIMEOUT_SECONDS = 3;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(TIMEOUT_SECONDS);
    }
}
