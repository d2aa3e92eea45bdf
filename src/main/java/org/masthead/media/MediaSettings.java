package org.masthead.media;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code masthead.media.*}: upload limits and where images are kept (docs/media.md).
 *
 * @param maxBytes the largest upload accepted; also the multipart limit of the server
 * @param maxPixels the most pixels (width × height) an image may declare, checked before decoding, so a
 *     small file that inflates to gigabytes (a decompression bomb) is refused cheaply
 * @param thumbnailWidths the widths thumbnails are made in (never wider than the image itself)
 * @param jpegQuality the quality JPEGs are re-encoded with, 0 to 1
 * @param store {@code local} (files under {@code directory}) or {@code s3}
 * @param directory where the local store keeps files; default {@code ${masthead.data-dir}/media}
 * @param s3 the S3-compatible store, used when {@code store=s3}
 */
@ConfigurationProperties("masthead.media")
public record MediaSettings(
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue({"320", "640", "1280"}) List<Integer> thumbnailWidths,
        @DefaultValue("0.86") float jpegQuality,
        @DefaultValue("local") String store,
        String directory,
        @DefaultValue S3 s3) {

    /**
     * @param endpoint the service address, e.g. {@code https://s3.example.com}; empty for AWS itself
     * @param region the signing region (any value for most S3-compatible servers)
     * @param bucket the bucket; it must exist
     * @param prefix a key prefix inside the bucket, e.g. {@code media/}
     * @param accessKey the access key id
     * @param secretKey the secret key
     * @param pathStyle {@code true} for servers that take the bucket in the path (MinIO, most self-hosted ones)
     */
    public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, @DefaultValue("") String prefix,
            String accessKey, String secretKey, @DefaultValue("true") boolean pathStyle) {}
}
