package dev.raq.bedrock;

import dev.raq.commons.Preconditions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The checks and defaults the AWS clients' builders share: region, endpoint override and timeout. */
final class AwsSettings {

    private AwsSettings() {
    }

    /**
     * The region with this id.
     *
     * @throws IllegalArgumentException when it does not look like an AWS region id such as {@code us-east-1}
     */
    static Region region(String region) {
        Objects.requireNonNull(region, "region");
        Preconditions.checkArgument(region.matches("[a-z0-9-]{2,40}"), () ->
                "region must be an AWS region id such as us-east-1 but was '" + region + "'");
        return Region.of(region);
    }

    /**
     * The endpoint, checked.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URI, or holds user information
     */
    static URI endpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        Preconditions.checkArgument(endpoint.getScheme() != null && endpoint.getHost() != null
                && (endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")), () ->
                "endpoint must be an absolute http(s) URI but was '" + endpoint + "'");
        Preconditions.checkArgument(endpoint.getUserInfo() == null,
                "endpoint must not hold user information (credentials)");
        return endpoint;
    }

    /**
     * The timeout, checked.
     *
     * @throws IllegalArgumentException when it is zero or negative
     */
    static Duration timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Preconditions.checkArgument(!timeout.isNegative() && !timeout.isZero(), () ->
                "timeout must be positive but was " + timeout);
        return timeout;
    }

    /**
     * The region set, else the one from the SDK's region chain; when neither, null and a problem added.
     *
     * @param problems where a missing region is reported
     */
    static @Nullable Region regionOrDefault(@Nullable Region region, List<String> problems) {
        if (region != null) {
            return region;
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            problems.add("no region: call region(...) or set AWS_REGION");
            return null;
        }
    }
}
