package org.chorus.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.chorus.domain.ConnectionState;
import org.chorus.infrastructure.store.ConnectionStates;

/**
 * A connection's user properties that survive the loss of its node: like {@code Session.getUserProperties()}, but kept
 * in the cluster under the connection's resume token. Values must be serializable; each {@code put} and {@code remove}
 * is written through to the cluster before it returns.
 */
public final class UserProperties {

    private final String token;
    private final ConnectionStates states;

    UserProperties(String token, ConnectionStates states) {
        this.token = token;
        this.states = states;
    }

    /** The value stored under {@code key}, or null. */
    public Serializable get(String key) {
        String encoded = states.find(token).map(s -> s.properties().get(key)).orElse(null);
        return encoded == null ? null : decode(encoded);
    }

    public void put(String key, Serializable value) {
        String encoded = encode(value);
        edit(properties -> properties.put(key, encoded));
    }

    public void remove(String key) {
        edit(properties -> properties.remove(key));
    }

    private void edit(Consumer<Map<String, String>> change) {
        states.update(token, s -> {
            Map<String, String> properties = new HashMap<>(s.properties());
            change.accept(properties);
            return new ConnectionState(s.user(), s.httpSession(), s.rooms(), properties);
        });
    }

    /** Resolves classes with the caller's context class loader: the web module's own types included. */
    private static final class ContextObjectInputStream extends ObjectInputStream {

        ContextObjectInputStream(byte[] bytes) throws IOException {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader == null ? super.resolveClass(desc) : Class.forName(desc.getName(), false, loader);
        }
    }

    static String encode(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static Serializable decode(String encoded) {
        try (ObjectInputStream in = new ContextObjectInputStream(Base64.getDecoder().decode(encoded))) {
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("unreadable user property", e);
        }
    }
}
