package dev.raq.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.internal.Utf16;
import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;
import dev.raq.core.report.SampleResultCodec;
import org.apiguardian.api.API;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A result store in a JSON Lines file: one record per answer or judgment, appended and written through to the file
 * as soon as it completes, so that a process killed at any moment loses at most the record being written.
 *
 * <p><b>Memory.</b> The store keeps no record in memory, only an index from each key to where its record starts in
 * the file (about 16 bytes per record), and reads a record back when it is asked for: a store of millions of answers
 * fits a small heap. A key written again points to its newest record.
 *
 * <p>{@link #open(Path)} reads the records already in the file. A last line cut short by a crash is ignored,
 * reported through {@link System.Logger} (level WARNING) and cut off the file, so that new records start on a line of
 * their own; a complete line that is not a valid record is skipped and reported the same way. Records are written
 * with one {@code write} call each and not forced to the disk: they survive the process, not a power failure.
 *
 * <p><b>One writer.</b> A store file has one writer at a time: {@link #open(Path)} takes an exclusive lock on it
 * and writes who holds it (process id, host, since when) to {@code <file>.lock} beside it; a second open — in
 * another process or in this one — fails at once with an {@link IllegalStateException} naming the holder, instead of
 * two writers interleaving and losing records. The lock is released by {@link #close()} or by the process ending.
 *
 * <p>Thread-safe. Close it when the evaluation is done.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JsonlResultStore implements ResultStore, Closeable {

    private static final System.Logger LOG = System.getLogger(JsonlResultStore.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final java.util.concurrent.atomic.AtomicLong replacedSurrogates = new java.util.concurrent.atomic.AtomicLong();
    private final FileLock lock;
    private final Path lockInfo;
    private final KeyIndex answers = new KeyIndex();
    private final KeyIndex judgments = new KeyIndex();
    private final List<String> problems = new ArrayList<>();

    private JsonlResultStore(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.lockInfo = file.resolveSibling(file.getFileName() + ".lock");
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new IllegalStateException("result store " + file + " is already open for writing by "
                    + holder() + "; a store has one writer at a time: close the other run, or give this run its "
                    + "own store file");
        }
        this.lock = acquired;
        Files.writeString(lockInfo, "process " + ProcessHandle.current().pid() + " on " + hostName() + " since "
                + java.time.Instant.now() + "\n", StandardCharsets.UTF_8);
        load();
        channel.position(channel.size());
    }

    /** Who holds the lock, as its lock file says. */
    private String holder() {
        try {
            return Files.readString(lockInfo, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "another writer (its lock file " + lockInfo + " could not be read)";
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    /**
     * Opens (creating if needed) a store file and reads the records it holds, repairing a torn last line.
     *
     * @param file the JSON Lines file
     * @return the open store
     * @throws UncheckedIOException  if the file cannot be read or written
     * @throws IllegalStateException if another writer holds the store, naming it
     */
    public static JsonlResultStore open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new JsonlResultStore(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open result store " + file, e);
        }
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    /** The number of answers and judgments held. */
    public synchronized int size() {
        return answers.size() + judgments.size();
    }

    /** What was wrong with the file when it was opened (a torn last line, invalid lines); empty when nothing was. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public synchronized Optional<Completion> answer(String key) {
        return record(answers, key).map(n -> SampleResultCodec.completion(n.get("completion")));
    }

    @Override
    public synchronized void putAnswer(String key, Completion completion) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(completion, "completion");
        ObjectNode n = MAPPER.createObjectNode();
        n.put("key", key);
        n.put("type", "answer");
        n.set("completion", SampleResultCodec.completion(completion));
        answers.put(key, append(n), this::keyAt);
    }

    @Override
    public synchronized Optional<Judgment> judgment(String key) {
        return record(judgments, key).map(n -> SampleResultCodec.judgment(n.get("judgment")));
    }

    /** The record a key points to, read back from the file. */
    private Optional<JsonNode> record(KeyIndex index, String key) {
        Objects.requireNonNull(key, "key");
        long offset = index.find(key, this::keyAt);
        return offset < 0 ? Optional.empty() : Optional.of(recordAt(offset));
    }

    private String keyAt(long offset) {
        return recordAt(offset).get("key").asText();
    }

    /** The record on the line that starts at an offset. */
    private JsonNode recordAt(long offset) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            long at = offset;
            while (true) {
                int read = channel.read(buf, at);
                int end = -1;
                for (int i = 0; i < buf.position(); i++) {
                    if (buf.get(i) == '\n') {
                        end = i;
                        break;
                    }
                }
                if (end >= 0) {
                    return MAPPER.readTree(buf.array(), 0, end);
                }
                if (read < 0) {
                    throw new IllegalStateException("the record at byte " + offset + " of " + file + " has no end");
                }
                at = offset + buf.position();
                if (!buf.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read result store " + file, e);
        }
    }

    @Override
    public synchronized void putJudgment(String key, Judgment judgment) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(judgment, "judgment");
        ObjectNode n = MAPPER.createObjectNode();
        n.put("key", key);
        n.put("type", "judgment");
        n.set("judgment", SampleResultCodec.judgment(judgment));
        judgments.put(key, append(n), this::keyAt);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            Files.deleteIfExists(lockInfo);
            lock.release();
            channel.close();
        }
    }

    /** How many lone UTF-16 surrogates this store has written as U+FFFD since it was opened. */
    public long replacedSurrogates() {
        return replacedSurrogates.get();
    }

    @Override
    public String toString() {
        return "JsonlResultStore{" + file + "}";
    }

    /** Appends a record as a line and returns the offset where it starts. */
    private long append(ObjectNode record) {
        try {
            long offset = channel.size();
            // a lone surrogate in model text becomes U+FFFD (getBytes would silently write '?'), and is counted
            String json = MAPPER.writeValueAsString(record);
            int lone = Utf16.loneSurrogates(json);
            if (lone > 0) {
                json = Utf16.wellFormed(json);
                if (replacedSurrogates.getAndAdd(lone) == 0) {
                    LOG.log(System.Logger.Level.WARNING, "replaced " + lone + " lone UTF-16 surrogate(s) with "
                            + "U+FFFD in a record of " + file + " (replacedSurrogates() counts them all)");
                }
            }
            ByteBuffer bytes = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to result store " + file, e);
        }
    }

    /** Indexes every complete line, validating each record; a torn last line is cut off the file. */
    private void load() throws IOException {
        long size = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        long position = 0;
        long lineStart = 0;
        int lineNo = 0;
        while (position < size) {
            chunk.clear();
            int read = channel.read(chunk, position);
            if (read < 0) {
                break;
            }
            byte[] bytes = chunk.array();
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i - start);
                    lineNo++;
                    read(line.toString(StandardCharsets.UTF_8), lineNo, lineStart);
                    line.reset();
                    start = i + 1;
                    lineStart = position + start;
                }
            }
            line.write(bytes, start, read - start);
            position += read;
        }
        if (line.size() > 0) {
            report("line " + (lineNo + 1) + " of " + file + " was cut short (" + line.size()
                    + " bytes, probably by a crash); ignored and removed");
            channel.truncate(lineStart);
        }
    }

    private void read(String line, int lineNo, long offset) {
        if (line.isBlank()) {
            return;
        }
        try {
            JsonNode n = MAPPER.readTree(line);
            String key = n.get("key").asText();
            String type = n.get("type").asText();
            if (type.equals("answer")) {
                SampleResultCodec.completion(n.get("completion")); // validates the record; the index keeps its place
                answers.put(key, offset, this::keyAt);
            } else if (type.equals("judgment")) {
                SampleResultCodec.judgment(n.get("judgment"));
                judgments.put(key, offset, this::keyAt);
            } else {
                throw new IllegalArgumentException("unknown record type '" + type + "'");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            report("line " + lineNo + " of " + file + " is not a valid record and was skipped: " + e.getMessage());
        }
    }

    private void report(String problem) {
        problems.add(problem);
        LOG.log(System.Logger.Level.WARNING, problem);
    }
}
