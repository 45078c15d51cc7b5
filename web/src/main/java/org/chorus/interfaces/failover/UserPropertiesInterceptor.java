package org.chorus.interfaces.failover;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

/**
 * Around each WebSocket handler of a {@link ReplicatedUserProperties} endpoint: before the first one of a connection
 * (its {@code @OnOpen}, or the first {@code @OnMessage} of an endpoint without one) opens or resumes the connection's
 * state and restores its stored values; after each, writes what changed in {@code Session.getUserProperties()}. Other
 * methods of the endpoint, and handlers without a {@code Session} parameter, pass through untouched.
 */
@ReplicatedUserProperties
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class UserPropertiesInterceptor {

    /**
     * What each method of an intercepted class is: a handler that may open the connection's state, one that may not.
     */
    private enum Kind {
        OPENS, CLOSES, OTHER
    }

    private static final Map<Method, Kind> KINDS = new ConcurrentHashMap<>();

    @Inject
    Replicas replicas;

    @AroundInvoke
    public Object replicate(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Kind kind = KINDS.computeIfAbsent(method, UserPropertiesInterceptor::kind);
        Session session = kind == Kind.OTHER ? null : session(invocation.getParameters());
        Replica replica = session == null ? null : replicas.enter(session, kind == Kind.OPENS);
        if (replica == null) {
            return invocation.proceed();
        }
        try {
            return invocation.proceed();
        } finally {
            replicas.leave(session, replica, method.getDeclaringClass());
        }
    }

    private static Kind kind(Method method) {
        if (method.isAnnotationPresent(OnOpen.class) || method.isAnnotationPresent(OnMessage.class)) {
            return Kind.OPENS;
        }
        // A connection that closes or fails before any handler opened it has nothing to restore or keep.
        return method.isAnnotationPresent(OnClose.class) || method.isAnnotationPresent(OnError.class)
                ? Kind.CLOSES
                : Kind.OTHER;
    }

    private static Session session(Object[] parameters) {
        for (Object parameter : parameters) {
            if (parameter instanceof Session session) {
                return session;
            }
        }
        return null;
    }
}
