package org.masthead.media;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.platform.PageSlice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The media library: upload, list, find, delete, and the files behind {@code /media/**}.
 *
 * <p>An upload is checked ({@link ImageCheck}: sniffed format, no polyglot, pixel limit, decodes),
 * turned upright, re-encoded from its pixels alone (no EXIF, no GPS) and scaled to each thumbnail width
 * below its own; everything is written to the {@link MediaStore} under the SHA-256 of the stored file,
 * thumbnails first and the image last, and only then is the row added. A refused upload has written
 * nothing; the same picture uploaded twice is stored once and answers the first row.
 */
@Service
public class MediaLibrary {

    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{64})(?:-([0-9]{1,5}))?\\.(jpg|png)");
    private static final int MAX_ALT = 300;
    private static final int MAX_FILENAME = 120;

    /** What arrived: the bytes, the name the client gave (display only), the alt text and who sent it. */
    public record Upload(byte[] bytes, String filename, String alt, String uploadedBy) {}

    /** A stored file ready to send, with its type. Close it. */
    public record MediaFile(MediaStore.StoredFile file, String contentType) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            file.close();
        }
    }

    private final MediaRepository repository;
    private final MediaStore store;
    private final MediaSettings settings;
    private final Clock clock;
    private final ImageCheck check;
    private final ImageEncoding encoding;
    private final ImageRenditions renditions;
    /** Decoding a 40-megapixel picture takes some 160 MB: two at a time keeps a small server standing. */
    private final Semaphore processing = new Semaphore(2);

    MediaLibrary(MediaRepository repository, MediaStore store, MediaSettings settings, Clock clock, ImageRenditions renditions) {
        this.repository = repository;
        this.renditions = renditions;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.check = new ImageCheck(settings.maxPixels());
        this.encoding = new ImageEncoding(settings.jpegQuality());
    }

    /**
     * Stores a picture or refuses it.
     *
     * @throws MediaRefused when it is empty, too large, not a JPEG/PNG/GIF/WebP, also something else, too
     *     many pixels or broken; nothing is stored then
     */
    public MediaItem upload(Upload upload) {
        byte[] bytes = upload.bytes();
        if (bytes == null || bytes.length == 0) {
            throw new MediaRefused(MediaRefused.Reason.EMPTY);
        }
        if (bytes.length > settings.maxBytes().toBytes()) {
            throw new MediaRefused(MediaRefused.Reason.TOO_LARGE, readableSize(settings.maxBytes().toBytes()));
        }
        Prepared prepared;
        processing.acquireUninterruptibly();
        try {
            prepared = prepare(bytes);
        } finally {
            processing.release();
        }
        Optional<MediaRepository.Row> existing = repository.byHash(prepared.hash());
        if (existing.isPresent()) {
            return item(existing.get());
        }
        for (Map.Entry<String, byte[]> thumb : prepared.thumbnails().entrySet()) {
            store.put(thumb.getKey(), thumb.getValue(), prepared.output().mime());
        }
        store.put(key(prepared.hash(), 0, prepared.output()), prepared.bytes(), prepared.output().mime());
        MediaRepository.Row row = repository.insertOrFind(prepared.hash(), displayName(upload.filename()), prepared.output().mime(), prepared.width(),
                prepared.height(), prepared.bytes().length, upload.uploadedBy(), clock.millis(), cleanAlt(upload.alt()));
        // A page may have shown this address before the upload (pasted from another site of ours): it may now get its srcset.
        renditions.forget(row.hash());
        log.info("media {} stored: {}x{} {} bytes by {}", row.id(), row.width(), row.height(), row.bytes(), row.uploadedBy());
        return item(row);
    }

    /** Newest first. */
    public PageSlice<MediaItem> page(int page, int size) {
        int number = Math.max(1, page);
        long offset = (long) (number - 1) * size;
        return new PageSlice<>(repository.page(offset, size).stream().map(this::item).toList(), number, size, repository.count());
    }

    public Optional<MediaItem> find(long id) {
        return repository.byId(id).map(this::item);
    }

    /** Removes the row, then the files; answers false when there was no such item. */
    public boolean delete(long id) {
        Optional<MediaRepository.Row> row = repository.byId(id);
        if (row.isEmpty() || !repository.delete(id)) {
            return false;
        }
        renditions.forget(row.get().hash());
        ImageEncoding.Output output = output(row.get().mime());
        store.delete(key(row.get().hash(), 0, output));
        for (int width : settings.thumbnailWidths()) {
            store.delete(key(row.get().hash(), width, output));
        }
        return true;
    }

    /** The file behind {@code /media/{folder}/{name}}, or empty for anything that is not one of ours. */
    public Optional<MediaFile> file(String folder, String name) {
        Matcher m = FILE.matcher(name == null ? "" : name);
        if (!m.matches() || !m.group(1).startsWith(folder == null ? "-" : folder)) {
            return Optional.empty();
        }
        ImageEncoding.Output output = ImageEncoding.Output.ofExtension(m.group(3));
        return store.open(folder + "/" + name).map(f -> new MediaFile(f, output.mime()));
    }

    /** The upload limit, for forms and messages: "10 MB". */
    public String maxSize() {
        return readableSize(settings.maxBytes().toBytes());
    }

    private record Prepared(String hash, byte[] bytes, ImageEncoding.Output output, int width, int height, Map<String, byte[]> thumbnails) {}

    private Prepared prepare(byte[] upload) {
        ImageCheck.Decoded decoded = check.check(upload);
        BufferedImage image = ImageEncoding.orient(ImageEncoding.normalise(decoded.image()), decoded.orientation());
        ImageEncoding.Output output = ImageEncoding.outputFor(decoded.format(), image);
        byte[] stored = encoding.encode(image, output);
        String hash = sha256(stored);
        Map<String, byte[]> thumbnails = new LinkedHashMap<>();
        if (repository.byHash(hash).isEmpty()) {
            for (int width : thumbnailWidths(settings.thumbnailWidths(), image.getWidth())) {
                thumbnails.put(key(hash, width, output), encoding.encode(ImageEncoding.thumbnail(image, width), output));
            }
        }
        return new Prepared(hash, stored, output, image.getWidth(), image.getHeight(), thumbnails);
    }

    private MediaItem item(MediaRepository.Row row) {
        ImageEncoding.Output output = output(row.mime());
        String url = "/media/" + key(row.hash(), 0, output);
        Map<Integer, String> thumbnails = new LinkedHashMap<>();
        List<Integer> made = thumbnailWidths(settings.thumbnailWidths(), row.width());
        for (int width : settings.thumbnailWidths()) {
            thumbnails.put(width, made.contains(width) ? "/media/" + key(row.hash(), width, output) : url);
        }
        return new MediaItem(row.id(), row.hash(), row.filename(), row.mime(), row.width(), row.height(), row.bytes(), row.uploadedBy(),
                Instant.ofEpochMilli(row.uploadedAt()), row.alt(), url, thumbnails);
    }

    /**
     * The thumbnail widths an image of this width gets, narrowest first: each configured width below its
     * own, as a picture is never scaled up. The one rule, for uploads and for the pages' srcset alike.
     */
    static List<Integer> thumbnailWidths(List<Integer> configured, int imageWidth) {
        return configured.stream().filter(w -> w != null && w > 0 && w < imageWidth).distinct().sorted().toList();
    }

    static ImageEncoding.Output output(String mime) {
        return "image/png".equals(mime) ? ImageEncoding.Output.PNG : ImageEncoding.Output.JPEG;
    }

    /** {@code ab/abcdef….jpg}, or {@code ab/abcdef…-640.jpg} for a thumbnail. */
    static String key(String hash, int width, ImageEncoding.Output output) {
        return hash.substring(0, 2) + "/" + hash + (width > 0 ? "-" + width : "") + "." + output.extension();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last segment of a client's file name, without control, bidi-override or path characters, at most 120 characters. */
    static String displayName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && "<>:\"|?*".indexOf(c) < 0)
                .limit(MAX_FILENAME).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() || result.chars().allMatch(c -> c == '.') ? "image" : result;
    }

    static String cleanAlt(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        raw.codePoints().map(c -> Character.isWhitespace(c) ? ' ' : c).filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_ALT).forEach(clean::appendCodePoint);
        return clean.toString().replaceAll(" {2,}", " ").strip();
    }

    static String readableSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return (bytes + 1023) / 1024 + " KB";
    }
}
