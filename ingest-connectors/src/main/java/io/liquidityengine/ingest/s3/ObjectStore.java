package io.liquidityengine.ingest.s3;

import java.util.Objects;

/** Reads whole objects of a bucket: the S3 API ({@link AwsObjectStore}) or a fake in tests. */
public interface ObjectStore extends AutoCloseable {

    /**
     * Gets an object, or only whether it changed.
     *
     * @param ifNoneMatch the ETag of the version already read, or null: the store then answers
     *                    {@link NotModified} while the object is unchanged
     */
    Fetch get(String bucket, String key, String ifNoneMatch);

    @Override
    void close();

    /** What a get found. */
    sealed interface Fetch permits Found, NotModified, NotFound, Denied, Failed {
    }

    /** The object's content and ETag (as S3 sends it, quotes included). */
    record Found(byte[] content, String etag) implements Fetch {
        public Found {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** The object still has the ETag given as ifNoneMatch (HTTP 304). */
    record NotModified() implements Fetch {
    }

    /** No such object (or bucket) yet: HTTP 404, with the S3 error code. */
    record NotFound(String code) implements Fetch {
    }

    /** HTTP 403: the credentials may not read the object (AccessDenied, SignatureDoesNotMatch, InvalidAccessKeyId...). */
    record Denied(String code, String message) implements Fetch {
    }

    /** Anything else (network, 5xx after the client's retries, no credentials found): tried again later. */
    record Failed(String message) implements Fetch {
    }
}
