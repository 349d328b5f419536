package dev.raq.core.model;

import org.apiguardian.api.API;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Builds the stable strings that {@link ModelClient#fingerprint()} and judges' fingerprints return:
 * {@code kind{name=value, …}} with the settings in the order added, long texts (prompts) by their SHA-256.
 * <pre>{@code
 * Fingerprint.of("ranking-judge").with("client", client.fingerprint()).with("repeats", 3).withText("system", prompt)
 * }</pre>
 * Not thread-safe; build one per call.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Fingerprint {

    private static final HexFormat HEX = HexFormat.of();
    /** Copied for each digest: a copy costs less than looking the algorithm up among the providers every time. */
    private static final MessageDigest SHA256 = lookUpSha256();

    private final StringBuilder sb;
    private boolean first = true;

    private Fingerprint(String kind) {
        this.sb = new StringBuilder(Objects.requireNonNull(kind, "kind")).append('{');
    }

    /** A fingerprint of a client or judge of this kind (such as {@code "ranking-judge"}). */
    public static Fingerprint of(String kind) {
        return new Fingerprint(kind);
    }

    /** Adds a setting by its string value ({@code String.valueOf}); the value must never be a secret. */
    public Fingerprint with(String name, Object value) {
        sb.append(first ? "" : ", ").append(Objects.requireNonNull(name, "name")).append('=')
                .append(String.valueOf(value));
        first = false;
        return this;
    }

    /** Adds a long text (a prompt) by the first 16 hex digits of its SHA-256. */
    public Fingerprint withText(String name, String text) {
        return with(name, "sha256:" + sha256(Objects.requireNonNull(text, name)).substring(0, 16));
    }

    /** The SHA-256 of the UTF-8 bytes of a text, as 64 lowercase hex digits. */
    public static String sha256(String text) {
        return HEX.formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return lookUpSha256();
        }
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The fingerprint: {@code kind{name=value, …}}. */
    @Override
    public String toString() {
        return sb + "}";
    }
}
