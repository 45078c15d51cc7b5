package org.chorus.infrastructure.store;

/**
 * The key of a (room, user) in the {@code presence} cache: the room, a unit separator (which neither a room nor a user
 * name may contain), the user.
 */
final class PresenceKey {

    private static final char SEP = '\u001f';

    private PresenceKey() {
    }

    static String of(String room, String user) {
        return room + SEP + user;
    }

    static String room(String key) {
        return key.substring(0, key.indexOf(SEP));
    }

    static String user(String key) {
        return key.substring(key.indexOf(SEP) + 1);
    }
}
