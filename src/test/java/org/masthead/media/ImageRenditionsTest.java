package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.TestSites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.sqlite.SQLiteDataSource;

/** Which files a page's srcset may name: the upload rule's thumbnails that the store holds, and the image itself. */
class ImageRenditionsTest {

    private static final String WIDE = "a1" + "0".repeat(62);
    private static final String NARROW = "b2" + "0".repeat(62);
    private static final String PNG = "c3" + "0".repeat(62);
    private static final String OLD = "d4" + "0".repeat(62);

    @TempDir
    Path dir;

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private MediaRepository repository;
    private ImageRenditions renditions;

    @BeforeEach
    void libraryWithFourImages() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(TestSites.sqliteUrl(dir));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/sqlite").load().migrate();
        repository = new MediaRepository(JdbcClient.create(dataSource)) {
            @Override
            List<Row> byHashes(Collection<String> hashes) {
                reads.incrementAndGet();
                return super.byHashes(hashes);
            }
        };
        MediaSettings settings = new MediaSettings(DataSize.ofMegabytes(10), 40_000_000, List.of(1280, 320, 640), 0.86f, "local", null, null);
        renditions = new ImageRenditions(repository, new MapStore(), settings);
        // As MediaLibrary.upload leaves them: thumbnails narrower than the image, then the image, then the row.
        stored(WIDE, "jpg", 1400, 700, 320, 640, 1280);
        stored(NARROW, "jpg", 500, 400, 320);
        stored(PNG, "png", 320, 100);
        // Uploaded when the widths were 320 and 1280: no file at 640 exists for it.
        stored(OLD, "jpg", 2000, 1000, 320, 1280);
    }

    @Test
    void listsEveryThumbnailNarrowerThanTheImageThenTheImage() {
        Rendition wide = renditions.of(url(WIDE, "jpg")).orElseThrow();
        assertThat(wide.width()).isEqualTo(1400);
        assertThat(wide.height()).isEqualTo(700);
        assertThat(wide.srcset()).isEqualTo(url(WIDE, "-320.jpg") + " 320w, " + url(WIDE, "-640.jpg") + " 640w, " + url(WIDE, "-1280.jpg") + " 1280w, "
                + url(WIDE, "jpg") + " 1400w");
        assertThat(wide.atLeast(320)).isEqualTo(url(WIDE, "-320.jpg"));
        assertThat(wide.atLeast(700)).isEqualTo(url(WIDE, "-1280.jpg"));
        assertThat(wide.atLeast(1300)).isEqualTo(url(WIDE, "jpg"));
    }

    @Test
    void anImageNoWiderThanAThumbnailWidthHasNoThumbnailAtIt() {
        assertThat(renditions.of(url(NARROW, "jpg")).orElseThrow().srcset()).isEqualTo(url(NARROW, "-320.jpg") + " 320w, " + url(NARROW, "jpg") + " 500w");
        // 320 wide: a thumbnail of 320 would be the image again, so none was made.
        Rendition png = renditions.of(url(PNG, "png")).orElseThrow();
        assertThat(png.thumbnails()).isEmpty();
        assertThat(png.srcset()).isEqualTo(url(PNG, "png") + " 320w");
        assertThat(png.atLeast(320)).isEqualTo(url(PNG, "png"));
    }

    @Test
    void theUploadRuleMakesOnlyWidthsBelowTheImagesOwn() {
        assertThat(MediaLibrary.thumbnailWidths(List.of(1280, 320, 640, 640), 1400)).containsExactly(320, 640, 1280);
        assertThat(MediaLibrary.thumbnailWidths(List.of(1280, 320, 640), 1280)).containsExactly(320, 640);
        assertThat(MediaLibrary.thumbnailWidths(List.of(1280, 320, 640), 321)).containsExactly(320);
        assertThat(MediaLibrary.thumbnailWidths(List.of(1280, 320, 640), 320)).isEmpty();
        assertThat(MediaLibrary.thumbnailWidths(List.of(0, -5, 100), 200)).containsExactly(100);
    }

    @Test
    void namesNoThumbnailTheStoreDoesNotHold() {
        assertThat(renditions.of(url(OLD, "jpg")).orElseThrow().thumbnails()).extracting(Rendition.Thumbnail::width).containsExactly(320, 1280);
    }

    @Test
    void answersOnlyForAddressesOfOriginalsOfTheLibrary() {
        String unknown = "e5" + "0".repeat(62);
        Map<String, Rendition> found = renditions.of(List.of(url(WIDE, "jpg"), url(WIDE, "-640.jpg"), url(WIDE, "png"), url(unknown, "jpg"),
                "https://img.example.cn" + url(WIDE, "jpg"), "//img.example.cn" + url(WIDE, "jpg"), url(WIDE, "jpg") + "?v=1",
                "/media/ff/" + WIDE + ".jpg", "/media/A1/" + WIDE.toUpperCase() + ".jpg", "/media/a1/../" + WIDE + ".jpg"));
        assertThat(found).containsOnlyKeys(url(WIDE, "jpg"));
        assertThat(ImageRenditions.looksLikeLibraryImage(url(WIDE, "jpg"))).isTrue();
        assertThat(ImageRenditions.looksLikeLibraryImage(url(WIDE, "-640.jpg"))).isFalse();
        assertThat(ImageRenditions.looksLikeLibraryImage(null)).isFalse();
    }

    @Test
    void readsAllImagesOfAPageInOneStatementAndNoneTheSecondTime() {
        List<String> page = new ArrayList<>(List.of(url(WIDE, "jpg"), url(NARROW, "jpg"), url(PNG, "png"), url(OLD, "jpg")));
        for (int i = 0; i < 30; i++) {
            page.add(url(String.format("%02x", i) + String.format("%062x", i), "jpg"));
        }
        assertThat(renditions.of(page)).hasSize(4);
        assertThat(reads).hasValue(1);
        assertThat(renditions.of(page)).hasSize(4);
        assertThat(renditions.of(List.of(url(WIDE, "jpg"), "https://img.example.cn/a.jpg"))).hasSize(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void anImageUploadedAfterItsAddressWasAskedForIsFoundOnceForgotten() {
        String later = "f6" + "0".repeat(62);
        assertThat(renditions.of(url(later, "jpg"))).isEmpty();
        stored(later, "jpg", 800, 600, 320, 640);
        renditions.forget(later);
        assertThat(renditions.of(url(later, "jpg"))).map(Rendition::width).contains(800);
    }

    private void stored(String hash, String extension, int width, int height, int... thumbnails) {
        for (int w : thumbnails) {
            files.put(hash.substring(0, 2) + "/" + hash + "-" + w + "." + extension, new byte[] {1});
        }
        files.put(hash.substring(0, 2) + "/" + hash + "." + extension, new byte[] {1});
        repository.insertOrFind(hash, "x." + extension, extension.equals("png") ? "image/png" : "image/jpeg", width, height, 1, "zhang", 1_000, "说明");
    }

    private static String url(String hash, String suffix) {
        return "/media/" + hash.substring(0, 2) + "/" + hash + (suffix.startsWith("-") ? suffix : "." + suffix);
    }

    private final class MapStore implements MediaStore {
        @Override
        public void put(String key, byte[] bytes, String contentType) {
            files.putIfAbsent(key, bytes);
        }

        @Override
        public Optional<StoredFile> open(String key) {
            return Optional.ofNullable(files.get(key)).map(b -> new StoredFile(new ByteArrayInputStream(b), b.length));
        }

        @Override
        public boolean exists(String key) {
            return files.containsKey(key);
        }

        @Override
        public void delete(String key) {
            files.remove(key);
        }
    }
}
