package dev.raq.core.internal;

import org.apiguardian.api.API;

/** Makes any Java string encodable: model text can hold a lone UTF-16 surrogate, which UTF-8 cannot represent. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Utf16 {

    private Utf16() {
    }

    /** The text with every lone surrogate replaced by U+FFFD (the same string when there is none). */
    public static String wellFormed(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairStart) {
                if (sb != null) {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** How many lone surrogates the text holds (what {@link #wellFormed} replaces). */
    public static int loneSurrogates(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            }
        }
        return n;
    }
}
