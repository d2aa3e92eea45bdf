package org.masthead.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the tokens of real sentences, as Lucene's TestSmartChineseAnalyzer does: headlines from the
 * seed page (shared/reference/seed-page.txt) and sentences of the Sina 2018 corpus. A change of
 * segmenter or of its dictionary shows up here word by word.
 */
class ChineseAnalysisTest {

    private static final Analyzer INDEXING = ChineseAnalysis.forIndexing();
    private static final Analyzer QUERY = ChineseAnalysis.forQuery();
    private static final Analyzer BIGRAMS = ChineseAnalysis.cjkBigrams();

    // Seed page headlines and a seed page stock line; Sina 2018 sentences (ids 2dc4c722a885488d,
    // b9d6d4a0a3f5d797, and the 新浪娱乐讯 credit line of its entertainment articles).
    static final String STAMP_DUTY = "证券交易印花税今起减半征收";
    static final String BAOSHAN = "宝山教育高质量发展推进会召开";
    static final String MEDICAL_ETF = "重磅利好+业绩兑现,医疗ETF(512170)放量涨逾2.5%!";
    static final String HERE_WE_GO = "罗马诺“HereWeGo”确认卢卡库将租借加盟罗马";
    static final String STOCK_PRICE = "航天软件(688562)盘中异动 股价振幅达6.21% 跌7.08% 报25.6元(08-25)";
    static final String FULL_WIDTH_YEAR = "理由是金庸“曾支持中国在１９９７年收回香港";
    static final String FULL_WIDTH_NAME = "韩流组合ＪＹＪ成员金俊秀";
    static final String TAIWAN_MEDIA = "新浪娱乐讯据台湾媒体报道";

    private static Directory directory;
    private static IndexSearcher searcher;

    @Test
    void segmentsTheStampDutyHeadlineIntoDictionaryWords() {
        assertThat(tokens(INDEXING, STAMP_DUTY)).containsExactly("证券", "交易", "印花税", "今", "起", "减半", "征收");
        assertThat(spans(INDEXING, STAMP_DUTY)).containsExactly("证券", "交易", "印花税", "今", "起", "减半", "征收");
    }

    @Test
    void splitsAPlaceNameTheDictionaryLacksIntoCharacters() {
        // 宝山 (a Shanghai district) and 高质量 are not smartcn words; the bigram field keeps 宝山 whole.
        assertThat(tokens(INDEXING, BAOSHAN)).containsExactly("宝", "山", "教育", "高", "质量", "发展", "推进", "会", "召开");
        assertThat(tokens(BIGRAMS, BAOSHAN))
                .containsExactly("宝山", "山教", "教育", "育高", "高质", "质量", "量发", "发展", "展推", "推进", "进会", "会召", "召开");
    }

    @Test
    void keepsFundCodesAndLowerCasesLatinAndDropsPunctuation() {
        assertThat(tokens(INDEXING, MEDICAL_ETF))
                .containsExactly("重磅", "利好", "业绩", "兑现", "医疗", "etf", "512170", "放", "量", "涨", "逾", "2", "5");
        // Dropped punctuation leaves a position gap, on the query side too.
        assertThat(positions(INDEXING, MEDICAL_ETF)).containsExactly(0, 1, 3, 4, 6, 7, 9, 11, 12, 13, 14, 15, 17);
    }

    @Test
    void keepsACamelCaseSlogan() {
        assertThat(tokens(INDEXING, HERE_WE_GO))
                .containsExactly("罗马", "诺", "herewego", "确认", "卢", "卡", "库", "将", "租借", "加盟", "罗马");
        assertThat(spans(INDEXING, HERE_WE_GO)).contains("HereWeGo");
    }

    @Test
    void cutsDecimalPricesAtThePointButTheBigramFieldKeepsThemWhole() {
        assertThat(tokens(INDEXING, STOCK_PRICE))
                .containsExactly(
                        "航天", "软件", "688562", "盘", "中", "异", "动", "股价", "振幅", "达", "6", "21", "跌", "7", "08", "报", "25",
                        "6", "元", "08", "25");
        assertThat(tokens(BIGRAMS, STOCK_PRICE))
                .containsExactly(
                        "航天", "天软", "软件", "688562", "盘中", "中异", "异动", "股价", "价振", "振幅", "幅达", "6.21", "跌", "7.08", "报",
                        "25.6", "元", "08", "25");
    }

    @Test
    void foldsFullWidthDigitsAndLettersButOffsetsPointAtTheOriginal() {
        assertThat(tokens(INDEXING, FULL_WIDTH_YEAR))
                .containsExactly("理由", "是", "金", "庸", "曾", "支持", "中国", "在", "1997", "年", "收回", "香港");
        assertThat(spans(INDEXING, FULL_WIDTH_YEAR)).contains("１９９７");
        assertThat(tokens(INDEXING, FULL_WIDTH_NAME)).containsExactly("韩", "流", "组合", "jyj", "成员", "金", "俊秀");
        assertThat(spans(INDEXING, FULL_WIDTH_NAME)).contains("ＪＹＪ");
    }

    @Test
    void aTraditionalHeadlineGivesTheTokensOfItsSimplifiedForm() {
        String traditional = "證券交易印花稅今起減半徵收";

        assertThat(tokens(INDEXING, traditional)).isEqualTo(tokens(INDEXING, STAMP_DUTY));
        assertThat(spans(INDEXING, traditional)).containsExactly("證券", "交易", "印花稅", "今", "起", "減半", "徵收");
        assertThat(tokens(BIGRAMS, traditional)).isEqualTo(tokens(BIGRAMS, STAMP_DUTY));
    }

    @Test
    void bothTraditionalSpellingsOfTaiwanGiveTheSimplifiedTokens() {
        List<String> simplified = tokens(INDEXING, TAIWAN_MEDIA);

        assertThat(simplified).containsExactly("新", "浪", "娱乐", "讯", "据", "台湾", "媒体", "报道");
        assertThat(tokens(INDEXING, "新浪娛樂訊據臺灣媒體報道")).isEqualTo(simplified);
        assertThat(tokens(INDEXING, "新浪娛樂訊據台灣媒體報道")).isEqualTo(simplified);
        assertThat(tokens(QUERY, "臺灣")).containsExactly("台湾");
        assertThat(tokens(QUERY, "台灣")).containsExactly("台湾");
    }

    @Test
    void aTraditionalCharacterWhoseSimplifiedFormIsOutsideTheBmpKeepsOffsetsRight() {
        // 㠣 (U+3823) folds to 𫵷 (U+2BD77, two chars): 台灣 after it still spans chars 1..3.
        assertThat(tokens(INDEXING, "㠣台灣")).containsExactly("𫵷", "台湾");
        assertThat(spans(INDEXING, "㠣台灣")).containsExactly("㠣", "台灣");
    }

    /** A word's query tokens are a run of the indexed tokens, with the same position steps. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "印花税| " + STAMP_DUTY,
        "减半征收| " + STAMP_DUTY,
        "證券交易| " + STAMP_DUTY,
        "宝山教育| " + BAOSHAN,
        "高质量发展| " + BAOSHAN,
        "医疗ETF| " + MEDICAL_ETF,
        "512170| " + MEDICAL_ETF,
        "2.5%| " + MEDICAL_ETF,
        "HereWeGo| " + HERE_WE_GO,
        "卢卡库| " + HERE_WE_GO,
        "25.6元| " + STOCK_PRICE,
        "１９９７年| " + FULL_WIDTH_YEAR,
        "1997年| " + FULL_WIDTH_YEAR,
        "jyj| " + FULL_WIDTH_NAME,
        "臺灣媒體| " + TAIWAN_MEDIA,
        "台灣| " + TAIWAN_MEDIA,
    })
    void aWordQuerysTokensAreARunOfTheIndexedTokens(String query, String sentence) {
        List<Token> indexed = stream(INDEXING, sentence);
        List<Token> asked = stream(QUERY, query);

        assertThat(asked).isNotEmpty();
        assertThat(containsRun(indexed, asked)).as("%s in %s", asked, indexed).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "印花税, stamp-duty",
        "證券交易印花稅, stamp-duty",
        "宝山, baoshan",
        "推进会, baoshan",
        "ETF, medical-etf",
        "herewego, here-we-go",
        "25.6元, stock-price",
        "异动, stock-price",
        "１９９７年, full-width-year",
        "ＪＹＪ, full-width-name",
        "臺灣, taiwan-media",
        "台灣媒体, taiwan-media",
    })
    void aPhraseQueryFindsTheIndexedSentence(String query, String id) throws IOException {
        Query phrase = new QueryBuilder(QUERY).createPhraseQuery("body", query);
        ScoreDoc[] hits = searcher.search(phrase, 10).scoreDocs;

        assertThat(hits).extracting(hit -> id(hit)).containsExactly(id);
    }

    @Test
    void theBigramFieldFindsANameTheSegmenterSplit() throws IOException {
        // 金庸 is 金 + 庸 for smartcn (a phrase still finds it); in the bigram field it is one term.
        assertThat(tokens(BIGRAMS, "金庸")).containsExactly("金庸");
        Query phrase = new QueryBuilder(BIGRAMS).createPhraseQuery("bigrams", "金庸");

        assertThat(searcher.search(phrase, 10).scoreDocs).extracting(hit -> id(hit)).containsExactly("full-width-year");
    }

    @BeforeAll
    static void indexTheSentences() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(INDEXING))) {
            String[][] docs = {
                {"stamp-duty", STAMP_DUTY}, {"baoshan", BAOSHAN}, {"medical-etf", MEDICAL_ETF}, {"here-we-go", HERE_WE_GO},
                {"stock-price", STOCK_PRICE}, {"full-width-year", FULL_WIDTH_YEAR}, {"full-width-name", FULL_WIDTH_NAME},
                {"taiwan-media", TAIWAN_MEDIA},
            };
            for (String[] d : docs) {
                Document doc = new Document();
                doc.add(new StringField("id", d[0], Field.Store.YES));
                doc.add(new TextField("body", d[1], Field.Store.NO));
                doc.add(new TextField("bigrams", BIGRAMS.tokenStream("bigrams", d[1])));
                writer.addDocument(doc);
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    @AfterAll
    static void close() throws IOException {
        searcher.getIndexReader().close();
        directory.close();
    }

    private static String id(ScoreDoc hit) {
        try {
            return searcher.storedFields().document(hit.doc).get("id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Token(String term, int position, int start, int end) {}

    static List<Token> stream(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        return stream(analyzer, text).stream().map(Token::term).toList();
    }

    /** The original text under each token's offsets. */
    static List<String> spans(Analyzer analyzer, String text) {
        return stream(analyzer, text).stream().map(t -> text.substring(t.start(), t.end())).toList();
    }

    static List<Integer> positions(Analyzer analyzer, String text) {
        return stream(analyzer, text).stream().map(Token::position).toList();
    }

    private static boolean containsRun(List<Token> indexed, List<Token> query) {
        for (int i = 0; i + query.size() <= indexed.size(); i++) {
            boolean match = true;
            for (int j = 0; j < query.size() && match; j++) {
                Token in = indexed.get(i + j);
                Token q = query.get(j);
                match = in.term().equals(q.term())
                        && in.position() - indexed.get(i).position() == q.position() - query.get(0).position();
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
