package io.liquidityengine.ingest.s3;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 API through the AWS SDK v2 sync client over the JDK's HTTP client. Credentials come from
 * the SDK's default provider chain (environment {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/
 * {@code AWS_SESSION_TOKEN}, system properties, {@code ~/.aws} profiles with {@code AWS_PROFILE}, web
 * identity, container and instance roles); they are never logged.
 */
public final class AwsObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(AwsObjectStore.class);
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    private final S3Client client;

    private AwsObjectStore(S3Client client) {
        this.client = client;
    }

    public static AwsObjectStore create(S3Settings settings) {
        Region region = settings.region().map(Region::of).orElseGet(AwsObjectStore::defaultRegion);
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(settings.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(20)).apiCallTimeout(Duration.ofSeconds(60)));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                // S3-compatible stores often lack flexible checksums (S3Proxy 2.x answers 501 to x-amz-checksum-mode)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        LOG.info("S3 client for bucket {}: region {}, endpoint {}{}, credentials from the default provider chain",
                settings.bucket(), region, settings.endpoint().map(e -> e + " (checksums only where required)").orElse("AWS"),
                settings.pathStyle() ? ", path-style" : "");
        return new AwsObjectStore(builder.build());
    }

    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            return FALLBACK_REGION;
        }
    }

    @Override
    public Fetch get(String bucket, String key, String ifNoneMatch) {
        try {
            GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
            if (ifNoneMatch != null) {
                request.ifNoneMatch(ifNoneMatch);
            }
            ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(request.build());
            return new Found(object.asByteArray(), object.response().eTag());
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return switch (e.statusCode()) {
                case 304 -> new NotModified();
                case 404 -> new NotFound(code == null ? "404" : code);
                case 403 -> new Denied(code == null ? "403" : code, message == null ? "" : message);
                default -> new Failed("HTTP " + e.statusCode() + (code == null ? "" : " " + code) + ": " + message);
            };
        } catch (SdkException e) {
            return new Failed(e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
