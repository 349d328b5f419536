package dev.raq.core.internal;

import org.apiguardian.api.API;

/** A fast 64-bit hash of a string for in-memory hash tables: FNV-1a over UTF-16 units, mixed by SplitMix64. */
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
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
