package org.masthead.media.storage;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.masthead.media.MediaSettings;
import org.masthead.media.MediaStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, 阿里云 OSS and 腾讯云 COS in S3 mode …), under
 * {@code prefix + key}. A PUT makes an object appear whole or not at all, so writes are atomic by
 * nature; a key that exists is not sent again.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    /** Objects are named by their content, so any cache in front of the bucket may keep them forever. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    S3MediaStore(MediaSettings.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("masthead.media.store=s3 needs masthead.media.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        }
        this.client = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        if (exists(key)) {
            return;
        }
        try {
            client.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType).cacheControl(CACHE_CONTROL), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new UncheckedIOException("cannot store " + key + " in bucket " + bucket, new java.io.IOException(e));
        }
    }

    @Override
    public Optional<StoredFile> open(String key) {
        StorageKeys.requireValid(key);
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(prefix + key));
            return Optional.of(new StoredFile(in, in.response().contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new UncheckedIOException("cannot read " + key + " from bucket " + bucket, new java.io.IOException(e));
        } catch (SdkException e) {
            throw new UncheckedIOException("cannot read " + key + " from bucket " + bucket, new java.io.IOException(e));
        }
    }

    @Override
    public boolean exists(String key) {
        StorageKeys.requireValid(key);
        try {
            client.headObject(b -> b.bucket(bucket).key(prefix + key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new UncheckedIOException("cannot look up " + key + " in bucket " + bucket, new java.io.IOException(e));
        } catch (SdkException e) {
            throw new UncheckedIOException("cannot look up " + key + " in bucket " + bucket, new java.io.IOException(e));
        }
    }

    @Override
    public void delete(String key) {
        StorageKeys.requireValid(key);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new UncheckedIOException("cannot delete " + key + " from bucket " + bucket, new java.io.IOException(e));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
