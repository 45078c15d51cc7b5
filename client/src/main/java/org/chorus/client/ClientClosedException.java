package org.chorus.client;

/** What a stage fails with when its client was closed by {@link ChorusClient#close()} before it completed. */
public class ClientClosedException extends IllegalStateException {

    public ClientClosedException() {
        super("the client is closed");
    }
}
