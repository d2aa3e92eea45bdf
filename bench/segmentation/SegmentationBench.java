import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.masthead.search.analysis.ChineseAnalysis;
import org.masthead.search.analysis.SegmentationScore;
import org.masthead.search.analysis.SegmentationScore.Span;
import org.wltea.analyzer.lucene.IKAnalyzer;

/**
 * Compares Chinese segmenters on the SIGHAN 2005 gold (quality) and on news text (speed).
 * Run by bench/segmentation.sh; see bench/README.md, "segmentation".
 *
 * <p>Args: SHARED_DIR OUT_DIR [timed passes, default 5] [all | speed] [index of the one segmenter to time]
 */
public class SegmentationBench {

    /** A segmenter as the bench sees it: the spans of the words it emits, in sentence offsets. */
    interface Segmenter {
        String name();

        List<Span> spans(String sentence) throws IOException;

        /** Consumes the whole text the way the index would; returns tokens seen (to keep the JIT honest). */
        long consume(String text) throws IOException;
    }

    record LuceneSegmenter(String name, Analyzer analyzer) implements Segmenter {
        public List<Span> spans(String sentence) throws IOException {
            List<Span> spans = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream("body", sentence)) {
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (offset.endOffset() > offset.startOffset()) {
                        spans.add(new Span(offset.startOffset(), offset.endOffset()));
                    }
                }
                ts.end();
            }
            return spans;
        }

        public long consume(String text) throws IOException {
            long n = 0;
            try (TokenStream ts = analyzer.tokenStream("body", text)) {
                ts.reset();
                while (ts.incrementToken()) n++;
                ts.end();
            }
            return n;
        }
    }

    /** HanLP has no Lucene adapter: its default (Viterbi) segmenter, offsets found by walking the sentence. */
    record HanLpSegmenter(String name, Segment segment) implements Segmenter {
        public List<Span> spans(String sentence) {
            List<Span> spans = new ArrayList<>();
            int at = 0;
            for (Term term : segment.seg(sentence)) {
                if (term.word.isEmpty()) continue;
                int start = sentence.indexOf(term.word, at);
                if (start < 0) throw new IllegalStateException("HanLP term " + term.word + " not in " + sentence);
                spans.add(new Span(start, start + term.word.length()));
                at = start + term.word.length();
            }
            return spans;
        }

        public long consume(String text) {
            return segment.seg(text).size();
        }
    }

    record GoldSentence(String text, List<Span> words) {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean quality = args.length <= 3 || !args[3].equals("speed");
        int only = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        Files.createDirectories(out);
        Path icwb = shared.resolve("corpus/icwb2-data");

        Analyzer smartcnTokenizer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new HMMChineseTokenizer());
            }
        };
        Segment hanlp = HanLP.newSegment();
        List<Segmenter> segmenters = List.of(
                new LuceneSegmenter("smartcn (HMMChineseTokenizer)", smartcnTokenizer),
                new LuceneSegmenter("IK 9.0.0 smart (IKAnalyzer)", new IKAnalyzer(true)),
                new HanLpSegmenter("HanLP portable-1.8.6 (default Viterbi)", hanlp),
                new LuceneSegmenter("Masthead ChineseAnalysis.forIndexing()", ChineseAnalysis.forIndexing()));

        StringBuilder report = new StringBuilder();
        if (quality) {
            report.append("## Quality: PKU test (SIGHAN 2005), ").append(Runtime.version()).append("\n\n");
            report.append("| segmenter | P | R | F | OOV-R | IV-R | strict R | coverage | P,R,F with punctuation |\n");
            report.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            List<GoldSentence> pku = readGold(icwb.resolve("gold/pku_test_gold.utf8"));
            Set<String> pkuWords = readWords(icwb.resolve("gold/pku_training_words.utf8"));
            for (Segmenter s : segmenters) {
                report.append(qualityRow(s, pku, pkuWords, out.resolve("pku-" + slug(s.name()) + ".utf8"))).append('\n');
            }

            // Traditional script: CityU (Hong Kong) gold, raw and after ICU Traditional-Simplified.
            report.append("\n## Quality on Traditional text: CityU test, as is and folded to Simplified first\n\n");
            report.append("| segmenter | input | P | R | F | OOV-R |\n|---|---|---:|---:|---:|---:|\n");
            List<GoldSentence> cityu = readGold(icwb.resolve("gold/cityu_test_gold.utf8"));
            Set<String> cityuWords = readWords(icwb.resolve("gold/cityu_training_words.utf8"));
            Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
            for (Segmenter s : segmenters.subList(0, 3)) {
                report.append(traditionalRow(s, "Traditional as is", cityu, cityuWords, null)).append('\n');
                report.append(traditionalRow(s, "ICU Traditional-Simplified first", cityu, cityuWords, toSimplified)).append('\n');
            }
            report.append(traditionalRow(segmenters.get(3), "Traditional (the analyzer folds)", cityu, cityuWords, null)).append('\n');
        }

        // Speed on news bodies.
        String news = newsText(shared.resolve("corpus/sina-news-2018/sina_news_2018.jsonl"), 600_000);
        report.append("\n## Speed: ").append(news.length()).append(" chars of Sina news bodies, ")
                .append(passes).append(" timed passes after 2 warm-up passes, one thread\n\n");
        report.append("| segmenter | median chars/s | min | max | tokens/pass |\n|---|---:|---:|---:|---:|\n");
        List<Segmenter> timed = new ArrayList<>(segmenters);
        timed.add(new LuceneSegmenter("Masthead ChineseAnalysis.cjkBigrams() (backup field)", ChineseAnalysis.cjkBigrams()));
        if (only >= 0) {
            timed = List.of(timed.get(only));
        }
        for (Segmenter s : timed) {
            report.append(speedRow(s, news, passes)).append('\n');
            System.err.println("speed done: " + s.name());
        }
        System.out.print(report);
        Files.writeString(out.resolve("segmentation-report.md"), report.toString());
    }

    static String qualityRow(Segmenter s, List<GoldSentence> gold, Set<String> vocabulary, Path output) throws IOException {
        SegmentationScore closed = SegmentationScore.NONE;
        SegmentationScore strict = SegmentationScore.NONE;
        SegmentationScore withPunctuation = SegmentationScore.NONE;
        long chars = 0;
        long covered = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            for (GoldSentence g : gold) {
                String text = g.text();
                List<Span> emitted = s.spans(text);
                List<Span> test = SegmentationScore.closeGaps(text, emitted);
                List<Span> goldWords = SegmentationScore.withoutPunctuation(text, g.words());
                closed = closed.plus(SegmentationScore.ofSpans(
                        text, goldWords, SegmentationScore.withoutPunctuation(text, test), vocabulary::contains));
                List<Span> emittedWords = SegmentationScore.withoutPunctuation(text, nonOverlapping(emitted));
                strict = strict.plus(SegmentationScore.ofSpans(text, goldWords, emittedWords, vocabulary::contains));
                withPunctuation = withPunctuation.plus(SegmentationScore.ofSpans(text, g.words(), test, vocabulary::contains));
                for (Span word : goldWords) chars += word.end() - word.start();
                for (Span word : emittedWords) covered += word.end() - word.start();
                w.println(String.join("  ", test.stream().map(x -> x.in(text)).toList()));
            }
        }
        System.err.println(s.name() + " closed " + closed + "\n  strict " + strict + "\n  with punctuation " + withPunctuation);
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f | %.3f | %.3f, %.3f, %.3f |",
                s.name(), closed.precision(), closed.recall(), closed.f(), closed.oovRecall(), closed.ivRecall(),
                strict.recall(), (double) covered / chars,
                withPunctuation.precision(), withPunctuation.recall(), withPunctuation.f());
    }

    static String traditionalRow(Segmenter s, String input, List<GoldSentence> gold, Set<String> vocabulary, Transliterator fold)
            throws IOException {
        SegmentationScore score = SegmentationScore.NONE;
        int skipped = 0;
        for (GoldSentence g : gold) {
            String text = g.text();
            String segmented = fold == null ? text : fold.transliterate(text);
            if (segmented.length() != text.length()) { // a supplementary character changed plane: offsets would drift
                skipped++;
                continue;
            }
            List<Span> test = SegmentationScore.withoutPunctuation(text, SegmentationScore.closeGaps(text, s.spans(segmented)));
            score = score.plus(SegmentationScore.ofSpans(
                    text, SegmentationScore.withoutPunctuation(text, g.words()), test, vocabulary::contains));
        }
        if (skipped > 0) System.err.println(s.name() + ": skipped " + skipped + " sentences whose length folding changed");
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | **%.3f** | %.3f |",
                s.name(), input, score.precision(), score.recall(), score.f(), score.oovRecall());
    }

    static String speedRow(Segmenter s, String text, int passes) throws IOException {
        long tokens = 0;
        for (int i = 0; i < 2; i++) tokens = s.consume(text);
        double[] rates = new double[passes];
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            tokens = s.consume(text);
            rates[i] = text.length() / ((System.nanoTime() - t0) / 1e9);
        }
        double[] sorted = rates.clone();
        java.util.Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | **%,.0f** | %,.0f | %,.0f | %,d |",
                s.name(), sorted[passes / 2], sorted[0], sorted[passes - 1], tokens);
    }

    static List<Span> nonOverlapping(List<Span> spans) {
        List<Span> kept = new ArrayList<>();
        int at = 0;
        for (Span span : spans.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList()) {
            if (span.start() >= at) {
                kept.add(span);
                at = span.end();
            }
        }
        return kept;
    }

    static List<GoldSentence> readGold(Path file) throws IOException {
        List<GoldSentence> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // As scripts/score: U+3000 is a space, and a line with no word is skipped.
            String trimmed = line.replace('\u3000', ' ').strip();
            if (trimmed.isEmpty()) continue;
            List<String> words = List.of(trimmed.split("\\s+"));
            sentences.add(new GoldSentence(String.join("", words), Span.of(words)));
        }
        return sentences;
    }

    static Set<String> readWords(Path file) throws IOException {
        Set<String> words = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) words.add(line.strip());
        return words;
    }

    /** The first bodies of the Sina corpus, unescaped just enough (\\n, \\", \\uXXXX), up to {@code limit} chars. */
    static String newsText(Path jsonl, int limit) throws IOException {
        String key = "\"body\": \"";
        StringBuilder text = new StringBuilder();
        try (var lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int start = line.indexOf(key);
                if (start < 0) continue;
                start += key.length();
                int end = start;
                while (end < line.length() && line.charAt(end) != '"') end += line.charAt(end) == '\\' ? 2 : 1;
                text.append(unescape(line.substring(start, end))).append('\n');
                if (text.length() >= limit) break;
            }
        }
        return text.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) { b.append(c); continue; }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'u' -> { b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
