package org.chorus.it;

import java.util.Random;

/**
 * Random damage to a valid frame: deleted, repeated, swapped and inserted characters, including control characters,
 * lone surrogates, characters outside the Basic Multilingual Plane, quotes and brackets.
 */
public final class Fuzz {

    private static final String[] NASTY = {"\u0000", "\u0007", "\u001b", "\u007f", "\\ud800", "\\udc00", "\ud83d\ude00",
            "\"", "\\", "{", "}", "[", "]", ":", ",", "null", "true", "1e999", "-0", "99999999999999999999", "\u202e",
            "<img src=x onerror=alert(1)>"};

    private Fuzz() {
    }

    /** The frame with one to eight random mutations. */
    public static String mutate(String frame, Random random) {
        StringBuilder b = new StringBuilder(frame);
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations && b.length() > 0; m++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, NASTY[random.nextInt(NASTY.length)]);
                case 2 -> b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + random.nextInt(16))));
                default -> b.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return wellFormed(b);
    }

    /** A deletion can split a surrogate pair, which no client can send as UTF-8: such halves become U+FFFD. */
    private static String wellFormed(StringBuilder b) {
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < b.length() && Character.isLowSurrogate(b.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                b.setCharAt(i, '\ufffd');
            }
        }
        return b.toString();
    }
}
