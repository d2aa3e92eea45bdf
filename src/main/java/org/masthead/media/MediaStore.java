package org.masthead.media;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where image files live, by key ({@code ab/abcdef…-640.jpg}): files under the data dir by default, an
 * S3-compatible bucket at scale. Keys name content (its hash), so a key once written never changes:
 * writing one that exists does nothing, which makes uploads of the same picture cost one copy.
 * Failures are {@link java.io.UncheckedIOException}s.
 */
public interface MediaStore {

    /** Stores the bytes under the key unless it exists; readers never see a half-written file. */
    void put(String key, byte[] bytes, String contentType);

    /** The file, to be closed by the caller; empty when there is none. */
    Optional<StoredFile> open(String key);

    boolean exists(String key);

    /** Removes the file; nothing happens if there is none. */
    void delete(String key);

    /** An open file and its length in bytes. */
    record StoredFile(InputStream content, long length) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            content.close();
        }
    }
}
