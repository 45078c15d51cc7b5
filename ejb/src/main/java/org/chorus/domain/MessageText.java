package org.chorus.domain;

/**
 * What a message's text may be: not empty or only whitespace, at most a given number of code points (a character beyond
 * the Basic Multilingual Plane, such as an emoji, counts once), well-formed Unicode (no lone surrogate), and no control
 * characters other than tab and line breaks.
 */
public final class MessageText {

    private MessageText() {
    }

    /** Returns the text if it is acceptable; otherwise throws the rejection the client gets, naming {@code id}. */
    public static String check(String text, int maxCodePoints, String id) {
        if (text == null || text.isBlank()) {
            throw new ChatRejection(ErrorCode.BAD_REQUEST, "text must not be empty", id);
        }
        int codePoints = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ChatRejection(ErrorCode.BAD_REQUEST, "text must be well-formed Unicode (a lone surrogate at "
                        + i + ")", id);
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new ChatRejection(ErrorCode.BAD_REQUEST, "text must not contain control character U+" + String
                        .format("%04X", (int) c), id);
            }
            codePoints++;
        }
        if (codePoints > maxCodePoints) {
            throw new ChatRejection(ErrorCode.TOO_LONG, "text is longer than " + maxCodePoints + " characters", id);
        }
        return text;
    }
}
