package io.liquidityengine.ingest.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an S3 source reads and how often.
 *
 * @param bucket       the bucket
 * @param keyTemplate  the object key, with {@code {date}} for the trading date
 * @param endpoint     endpoint override for S3-compatible stores (MinIO, S3Proxy); empty = AWS
 * @param pathStyle    path-style requests ({@code http://host/bucket/key}), which most S3-compatible stores need
 * @param region       signing region; empty = the SDK's default region chain, else us-east-1
 * @param pollInterval time between two gets of the object
 * @param jitter       up to this much is added to each interval at random, so that many pollers spread out
 */
public record S3Settings(String bucket, S3KeyTemplate keyTemplate, Optional<URI> endpoint, boolean pathStyle,
                         Optional<String> region, Duration pollInterval, Duration jitter) {

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(keyTemplate, "keyTemplate");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 bucket name must not be blank");
        }
        if (pollInterval.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("poll interval and jitter must not be negative: " + pollInterval + ", " + jitter);
        }
    }

    /** {@code s3://bucket/key}, for logs, dead letters and the records' source field. */
    public String url(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
