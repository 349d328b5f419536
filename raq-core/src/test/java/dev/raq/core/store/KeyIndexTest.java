package dev.raq.core.store;

import dev.raq.core.internal.Hash64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyIndexTest {

    @Test
    void keysWhoseHashesCollide_eachFindsItsOwnRecord_keyConfirmedByReading() {
        // find two keys with the same 32-bit hash (a birthday search over 200,000 keys finds several)
        Map<Integer, String> seen = new HashMap<>();
        String first = null;
        String second = null;
        for (int i = 0; first == null; i++) {
            String key = "key-" + i;
            String earlier = seen.putIfAbsent((int) Hash64.of(key), key);
            if (earlier != null) {
                first = earlier;
                second = key;
            }
        }
        List<String> records = new ArrayList<>(); // the "file": a record's offset is its position here
        KeyIndex.KeyReader reader = offset -> records.get((int) offset);
        KeyIndex index = new KeyIndex();
        records.add(first);
        index.put(first, 0, reader);
        assertThat(index.find(second, reader)).isEqualTo(-1);
        records.add(second);
        index.put(second, 1, reader);
        assertThat(index.find(first, reader)).isZero();
        assertThat(index.find(second, reader)).isEqualTo(1);
        records.add(first);
        index.put(first, 2, reader); // written again: points to the newest record
        assertThat(index.find(first, reader)).isEqualTo(2);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void manyKeys_growsAndFindsEvery() {
        List<String> records = new ArrayList<>();
        KeyIndex.KeyReader reader = offset -> records.get((int) offset);
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 50_000; i++) {
            records.add("k" + i);
            index.put("k" + i, i, reader);
        }
        for (int i = 0; i < 50_000; i += 7) {
            assertThat(index.find("k" + i, reader)).isEqualTo(i);
        }
        assertThat(index.find("absent", reader)).isEqualTo(-1);
        assertThat(index.size()).isEqualTo(50_000);
    }
}
