package dev.raq.core.internal;

import org.apiguardian.api.API;

/**
 * A fast 64-bit hash of a string for in-memory hash tables (FNV-1a over UTF-16 units, mixed by SplitMix64), and the
 * SplitMix64 finalizer itself, which every seed RAQ derives goes through.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Hash64 {

    private Hash64() {
    }

    /** The hash of a string's UTF-16 units. */
    public static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finalizer: every bit of {@code z} affects every bit of the result. */
    public static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}
