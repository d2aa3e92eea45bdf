package org.masthead.text;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A MinHash fingerprint of a text for finding near-duplicates: the same story copied with edits (a
 * paragraph added, sentences reordered, numbers changed, the end cut, page junk around it). The text is
 * segmented into words ({@link Segmenter}, so Traditional and full-width spellings fold together), and
 * each run of {@value #SHINGLE} words is one shingle; {@value #HASHES} hash functions keep their smallest
 * value over the shingles. Two fingerprints estimate the Jaccard similarity of the shingle sets (the share
 * of equal minima) and, with the set sizes, how much of the smaller text is in the larger (containment).
 *
 * <p>{@link #bandKeys()} cut the fingerprint into {@value #BANDS} bands of {@value #ROWS} minima for
 * locality-sensitive hashing: two texts share a band key with probability {@code 1 - (1 - J^3)^42}, 0.68 at
 * J = 0.3 and 0.996 at J = 0.5, while unrelated news (J ≈ 0.02) shares one about 3 times in 10,000.
 *
 * <p>Measured on a labelled set from the Sina 2018 corpus in bench/README.md, "dedupe".
 */
public record Fingerprint(int[] minima, int shingles) {

    static final int SHINGLE = 3;
    static final int HASHES = 128;
    static final int ROWS = 3;
    static final int BANDS = HASHES / ROWS; // 42; the last 2 minima are in no band

    private static final long[] SEEDS = seeds();

    public Fingerprint {
        if (minima.length != HASHES) {
            throw new IllegalArgumentException("a fingerprint has " + HASHES + " minima, not " + minima.length);
        }
        minima = minima.clone();
    }

    /** The fingerprint of a plain text. Fewer words than a shingle make one shingle of them all. */
    public static Fingerprint of(String plainText) {
        return ofTerms(Segmenter.terms(plainText));
    }

    /** The fingerprint of a text already segmented ({@link Segmenter#terms}). */
    static Fingerprint ofTerms(List<String> words) {
        Set<Long> shingles = new HashSet<>();
        if (words.size() < SHINGLE) {
            if (!words.isEmpty()) {
                shingles.add(hash(String.join(" ", words)));
            }
        } else {
            StringBuilder shingle = new StringBuilder();
            for (int i = 0; i + SHINGLE <= words.size(); i++) {
                shingle.setLength(0);
                for (int k = i; k < i + SHINGLE; k++) {
                    shingle.append(words.get(k)).append(' ');
                }
                shingles.add(hash(shingle));
            }
        }
        int[] minima = new int[HASHES];
        Arrays.fill(minima, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33); // non-negative, so MAX_VALUE stays "none"
                if (h < minima[i]) {
                    minima[i] = h;
                }
            }
        }
        return new Fingerprint(minima, shingles.size());
    }

    /** Estimated Jaccard similarity of the two shingle sets, 0 to 1; 0 when either text had no words. */
    public double jaccard(Fingerprint other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minima[i] == other.minima[i]) {
                equal++;
            }
        }
        return (double) equal / HASHES;
    }

    /** Estimated share of the smaller text's shingles that the other has too, 0 to 1. */
    public double containment(Fingerprint other) {
        double j = jaccard(other);
        int smaller = Math.min(shingles, other.shingles);
        if (smaller == 0) {
            return 0;
        }
        double shared = j * (shingles + other.shingles) / (1 + j);
        return Math.min(1, shared / smaller);
    }

    /** Whether two texts are near-duplicates by these thresholds (see {@link #jaccard} and {@link #containment}). */
    public boolean nearDuplicateOf(Fingerprint other, double minJaccard, double minContainment, int minShingles) {
        double j = jaccard(other);
        if (j >= minJaccard) {
            return true;
        }
        return Math.min(shingles, other.shingles) >= minShingles && containment(other) >= minContainment;
    }

    /** One key per band: the band's number and its minima hashed into a long, to look up candidates by. */
    public long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + minima[band * ROWS + r]);
            }
            keys[band] = h;
        }
        return keys;
    }

    /** The minima as text, to store: Base64 of 512 bytes. */
    public String encoded() {
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * 4);
        for (int m : minima) {
            bytes.putInt(m);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The fingerprint written by {@link #encoded()}, with its shingle count. */
    public static Fingerprint decode(String encoded, int shingles) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        int[] minima = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            minima[i] = bytes.getInt();
        }
        return new Fingerprint(minima, shingles);
    }

    @Override
    public int[] minima() {
        return minima.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && shingles == f.shingles && Arrays.equals(minima, f.minima);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minima) + shingles;
    }

    @Override
    public String toString() {
        return "Fingerprint[" + shingles + " shingles]";
    }

    /** FNV-1a over the chars, then mixed: a 64-bit hash of a shingle that does not depend on the JVM. */
    private static long hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The SplitMix64 finaliser: every input bit moves about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Fixed seeds, so a stored fingerprint stays comparable across versions and nodes. */
    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long state = 0x4d617374_68656164L; // "Masthead"
        for (int i = 0; i < HASHES; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
