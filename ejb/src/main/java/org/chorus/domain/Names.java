package org.chorus.domain;

import java.util.regex.Pattern;

/**
 * The protocol's rules for room names, inbox names and client message ids.
 */
public final class Names {

    private static final Pattern ROOM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Names() {
    }

    /** True for a shared room name such as {@code general}. */
    public static boolean isRoom(String name) {
        return name != null && ROOM.matcher(name).matches();
    }

    /** True for a personal inbox name such as {@code @alice}. */
    public static boolean isInbox(String name) {
        return name != null && name.startsWith("@") && isUser(name.substring(1));
    }

    /** True for a user name that can have an inbox: 1 to 64 of {@code [A-Za-z0-9._-]}. */
    public static boolean isUser(String name) {
        return name != null && USER.matcher(name).matches();
    }

    /** The inbox of {@code user}: {@code @user}. */
    public static String inbox(String user) {
        return "@" + user;
    }

    /** True for a client message id: 1 to 64 of {@code [A-Za-z0-9_-]}. */
    public static boolean isClientId(String id) {
        return id != null && CLIENT_ID.matcher(id).matches();
    }
}
