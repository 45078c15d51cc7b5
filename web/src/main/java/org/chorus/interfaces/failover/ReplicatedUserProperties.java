package org.chorus.interfaces.failover;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Opts a WebSocket endpoint into user properties that fail over: serializable values its {@code @OnOpen},
 * {@code @OnMessage}, {@code @OnClose} and {@code @OnError} methods put into {@code Session.getUserProperties()} are in
 * the cluster when the method returns, and are back in the map before the first handler of a connection that resumes
 * (on any node) with {@code ?resume=} and the token found under {@link #TOKEN}.
 * <p>
 * A CDI interceptor binding ({@link UserPropertiesInterceptor}): WildFly creates {@code @ServerEndpoint} instances
 * through CDI, interceptors included. A handler is covered when it has a {@code jakarta.websocket.Session} parameter.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface ReplicatedUserProperties {

    /**
     * The key of the connection's resume token (a {@code String}) in its user properties: the client reconnects with
     * {@code ?resume=TOKEN} (and its HTTP session's cookie, when it has one) to get the values back.
     */
    String TOKEN = "chorus.resume";

    /** The key of a {@code Boolean} in the user properties: whether this connection resumed an earlier one. */
    String RESUMED = "chorus.resumed";
}
