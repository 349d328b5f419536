package dev.raq.bedrock;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps AWS credentials out of what a user sees: a provider is described by its class name only, and every text a
 * server sends back passes {@link #redactor} before it reaches an exception.
 */
final class Credentials {

    /** What a redacted secret is replaced with. */
    static final String MASK = "****";

    private static final Pattern SIGNATURE = Pattern.compile("(?i)(signature=)[0-9a-f]{16,}");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)((?:aws_?secret_?access_?key|secretaccesskey|aws_?session_?token|sessiontoken)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "[^\"'\\s,;}]{6,}");

    private Credentials() {
    }

    /** The provider given, or the SDK's default chain ({@code DefaultCredentialsProvider}) when null. */
    static AwsCredentialsProvider orDefault(@Nullable AwsCredentialsProvider provider) {
        return provider == null ? DefaultCredentialsProvider.builder().build() : provider;
    }

    /** The provider's kind, such as {@code DefaultCredentialsProvider}; never its credentials. */
    static String describe(AwsCredentialsProvider provider) {
        return provider.getClass().getSimpleName();
    }

    /**
     * A function that replaces the provider's secret key and session token (resolved when it runs, as the SDK has
     * them cached), any SigV4 signature and any secret-looking field with {@value #MASK}.
     */
    static UnaryOperator<@Nullable String> redactor(AwsCredentialsProvider provider) {
        return text -> {
            if (text == null) {
                return null;
            }
            String out = text;
            try {
                AwsCredentials c = provider.resolveCredentials();
                out = mask(out, c.secretAccessKey());
                if (c instanceof AwsSessionCredentials) {
                    out = mask(out, ((AwsSessionCredentials) c).sessionToken());
                }
            } catch (RuntimeException e) {
                // no credentials to hide
            }
            out = SIGNATURE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
            return SECRET_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        };
    }

    private static String mask(String text, @Nullable String secret) {
        return secret == null || secret.length() < 4 ? text : text.replace(secret, MASK);
    }
}
