package org.masthead.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.media.MediaSettings;
import org.masthead.media.MediaStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same behaviour from both stores: files under a temporary folder, and objects in a real
 * S3-compatible server (LocalS3, Netty, in this JVM) spoken to by the AWS SDK over HTTP.
 */
class MediaStoreTest {

    private static final String KEY = "ab/ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab-640.jpg";

    @TempDir
    static Path folder;

    private static LocalS3 s3;
    private static int port;

    @BeforeAll
    static void startS3() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        s3 = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        s3.start();
        try (S3Client client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + port)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            client.createBucket(b -> b.bucket("masthead-media"));
        }
    }

    @AfterAll
    static void stopS3() {
        s3.shutdown();
    }

    static Stream<MediaStore> stores() {
        return Stream.of(new LocalDiskMediaStore(folder.resolve("media")),
                new S3MediaStore(new MediaSettings.S3("http://127.0.0.1:" + port, "us-east-1", "masthead-media", "media/", "test", "test", true)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void storesReadsAndDeletes(MediaStore store) throws IOException {
        store.delete(KEY);
        assertThat(store.exists(KEY)).isFalse();
        assertThat(store.open(KEY)).isEmpty();
        store.put(KEY, "pixels".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(store.exists(KEY)).isTrue();
        try (MediaStore.StoredFile file = store.open(KEY).orElseThrow()) {
            assertThat(file.length()).isEqualTo(6);
            assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("pixels");
        }
        // A key names its content: writing it again changes nothing.
        store.put(KEY, "other".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        try (MediaStore.StoredFile file = store.open(KEY).orElseThrow()) {
            assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("pixels");
        }
        store.delete(KEY);
        assertThat(store.exists(KEY)).isFalse();
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void refusesKeysThatCouldClimbOut(MediaStore store) {
        assertThatThrownBy(() -> store.open("../masthead.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("ab/../../x.jpg", new byte[1], "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void leavesNoTemporaryFileBehind() throws IOException {
        Path root = folder.resolve("atomic");
        LocalDiskMediaStore store = new LocalDiskMediaStore(root);
        store.put(KEY, new byte[100_000], "image/jpeg");
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())).containsExactly(KEY);
        }
    }
}
