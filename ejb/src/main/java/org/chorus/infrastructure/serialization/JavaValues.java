package org.chorus.infrastructure.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Objects;

/**
 * Serializable values as Base64 text, and back through an {@link ObjectInputFilter}: a value whose stream names a class
 * the filter does not allow, or that is deeper or larger than its limits, is never instantiated.
 */
public final class JavaValues {

    private JavaValues() {
    }

    /**
     * The value serialized and Base64-encoded. Throws {@link UncheckedIOException} (its cause a
     * {@link java.io.NotSerializableException}) when something in its graph is not serializable.
     */
    public static String encode(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * The value {@link #encode} made, read through {@code filter}; classes resolve with the calling thread's context
     * class loader (the web module's own types included). Throws {@link IllegalArgumentException} when the text is no
     * such value, the filter rejects it ({@link java.io.InvalidClassException} as the cause) or a class is missing.
     */
    public static Serializable decode(String encoded, ObjectInputFilter filter) {
        Objects.requireNonNull(filter, "filter"); // without one, anything would be deserialized
        try (ObjectInputStream in = new ContextObjectInputStream(Base64.getDecoder().decode(encoded))) {
            in.setObjectInputFilter(filter);
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) { // an allowed class's readObject too
            throw new IllegalArgumentException("unreadable user property: " + e, e);
        }
    }

    /** Resolves classes with the caller's context class loader. */
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
}
