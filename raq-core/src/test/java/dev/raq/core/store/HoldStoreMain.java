package dev.raq.core.store;

import java.nio.file.Path;

/** Opens a store in its own process, says "open" on standard output, and keeps it open until standard input closes. */
public final class HoldStoreMain {

    private HoldStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        try (JsonlResultStore store = JsonlResultStore.open(Path.of(args[0]))) {
            System.out.println("open " + store.file());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our standard input
            }
        }
    }
}
