package org.masthead.ingest.fetch;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text, choosing the charset from evidence rather than trusting one
 * label. Chinese sites often declare one charset in the HTTP header and another in the XML prolog
 * or {@code <meta>}, and either may be wrong. So, in order:
 *
 * <ol>
 *   <li>a byte-order mark wins;
 *   <li>bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever the labels say: legacy
 *       CJK text almost never forms valid UTF-8 by accident;
 *   <li>otherwise each declared charset that decodes the bytes without error is a candidate, and ICU's
 *       statistical detector (character n-gram frequencies for GB18030, Big5, EUC-KR, Shift_JIS …)
 *       ranks the candidates; a legacy single-byte label (ISO-8859-1, windows-1252) on bytes that
 *       ICU is sure are CJK loses to ICU's answer;
 *   <li>with no usable label, ICU's best guess; failing everything, UTF-8 with replacement characters.
 * </ol>
 *
 * GB2312 and GBK labels are read as GB18030 (their superset), Big5 as Big5-HKSCS, ISO-8859-1 as
 * windows-1252, as browsers do.
 */
public final class TextDecoding {

    /** How the text was decoded: the charset and which evidence chose it (for logs and tests). */
    public record Decoded(String text, Charset charset, String reason) {}

    private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CJK = Set.of("GB18030", "Big5", "Big5-HKSCS", "EUC-KR", "Shift_JIS", "EUC-JP", "ISO-2022-JP", "ISO-2022-CN", "ISO-2022-KR");
    private static final int SNIFF_BYTES = 4096;
    /** ICU confidence (0–100) above which its CJK answer beats a single-byte label. */
    private static final int SURE = 50;
    /** How much more confident ICU must be in another CJK charset to overrule a declared one. */
    private static final int MARGIN = 10;

    private TextDecoding() {}

    /** The charset named by a Content-Type header value, or null. */
    public static String charsetOfContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    public static Decoded decode(byte[] bytes, String headerCharset) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom, "byte-order mark");
        }
        if (isAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.UTF_8, "ASCII only");
        }
        if (strict(bytes, StandardCharsets.UTF_8) != null) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "valid UTF-8");
        }
        Set<Charset> declared = new LinkedHashSet<>();
        addIfKnown(declared, headerCharset);
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECLARATION.matcher(head);
        if (xml.find()) {
            addIfKnown(declared, xml.group(1));
        }
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            addIfKnown(declared, meta.group(1));
        }
        declared.remove(StandardCharsets.UTF_8);
        List<Charset> decodable = new ArrayList<>();
        for (Charset c : declared) {
            if (strict(bytes, c) != null) {
                decodable.add(c);
            }
        }
        CharsetMatch[] guesses = detect(bytes);
        if (decodable.size() == 1) {
            Charset only = decodable.getFirst();
            CharsetMatch top = guesses.length > 0 ? guesses[0] : null;
            Charset guessed = top == null ? null : normalise(top.getName());
            boolean sureCjk = guessed != null && !guessed.equals(only) && CJK.contains(canonicalName(guessed)) && top.getConfidence() >= SURE;
            // A single-byte label on CJK bytes is wrong; a CJK label is overruled only by a clearly
            // better-fitting CJK charset (GBK and Big5 bytes often decode without error as the other).
            if (sureCjk && (!CJK.contains(canonicalName(only)) || top.getConfidence() > confidenceOf(guesses, only) + MARGIN)) {
                return new Decoded(decodeReplacing(bytes, guessed), guessed, "detected " + guessed.name() + " (" + top.getConfidence() + ") over the declared " + only.name());
            }
            return new Decoded(strict(bytes, only), only, "declared " + only.name());
        }
        if (decodable.size() > 1) {
            Charset best = null;
            int bestScore = -1;
            for (Charset c : decodable) {
                int score = confidenceOf(guesses, c);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            return new Decoded(strict(bytes, best), best, "declared " + best.name() + ", ranked first of " + decodable.size() + " disagreeing labels");
        }
        for (CharsetMatch guess : guesses) {
            Charset c = normalise(guess.getName());
            if (c != null && !c.equals(StandardCharsets.UTF_8)) {
                String text = strict(bytes, c);
                if (text != null) {
                    return new Decoded(text, c, "detected " + c.name() + " (" + guess.getConfidence() + ")" + (declared.isEmpty() ? "" : ", the declared charset does not fit the bytes"));
                }
            }
        }
        Charset fallback = guesses.length > 0 && normalise(guesses[0].getName()) != null ? normalise(guesses[0].getName()) : StandardCharsets.UTF_8;
        return new Decoded(decodeReplacing(bytes, fallback), fallback, "no charset fits without errors; " + fallback.name() + " with replacement characters");
    }

    private static CharsetMatch[] detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        // Markup would dilute the statistics with ASCII; ICU strips tags itself when told to.
        detector.enableInputFilter(true);
        detector.setText(bytes.length > 65536 ? java.util.Arrays.copyOf(bytes, 65536) : bytes);
        CharsetMatch[] all = detector.detectAll();
        return all == null ? new CharsetMatch[0] : all;
    }

    private static int confidenceOf(CharsetMatch[] guesses, Charset charset) {
        for (CharsetMatch guess : guesses) {
            Charset c = normalise(guess.getName());
            if (c != null && c.equals(charset)) {
                return guess.getConfidence();
            }
        }
        return 0;
    }

    private static void addIfKnown(Set<Charset> set, String name) {
        Charset c = normalise(name);
        if (c != null) {
            set.add(c);
        }
    }

    /** Maps a label to the charset browsers actually use for it; null when unknown. */
    static Charset normalise(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (name) {
            case "gb2312", "gbk", "x-gbk", "gb-2312-80", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb18030", "hz-gb-2312" -> {
                return Charset.forName("GB18030");
            }
            case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5", "cp950", "ms950", "windows-950" -> {
                return Charset.forName("Big5-HKSCS");
            }
            case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp1252", "windows-1252" -> {
                return Charset.forName("windows-1252");
            }
            case "utf8", "utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(label.strip());
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
    }

    private static String canonicalName(Charset c) {
        if (c == null) {
            return "";
        }
        return switch (c.name()) {
            case "Big5-HKSCS" -> "Big5";
            case "x-euc-jp-linux", "EUC-JP" -> "EUC-JP";
            default -> c.name();
        };
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeReplacing(byte[] bytes, Charset charset) {
        return new String(bytes, charset);
    }
}
