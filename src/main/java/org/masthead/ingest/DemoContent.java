package org.masthead.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.masthead.ads.AdCreative;
import org.masthead.ads.AdSlots;
import org.masthead.setting.SiteSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the shipped demo articles (450 public-domain press releases of the Tainan City Government,
 * see resources/demo/README.md) through the normal import path — once, and only when the demo was
 * asked for ({@code masthead.demo.enabled}, set by the README's first command).
 */
@Component
@ConditionalOnProperty(name = "masthead.demo.enabled", havingValue = "true")
class DemoContent implements ApplicationRunner {

    static final String LOADED_FLAG = "demo.loaded";
    private static final String FILE = "demo/tainan-gov-tw.zh-Hans.jsonl";
    private static final String HOMEPAGE = "https://www.tainan.gov.tw/";
    /** Districts of Tainan: a mentioned district becomes a tag, so the demo has real tag pages. */
    private static final List<String> DISTRICTS = List.of(
            "安平区", "中西区", "东区", "南区", "北区", "安南区", "永康区", "归仁区", "新化区", "左镇区", "玉井区", "楠西区", "南化区",
            "仁德区", "关庙区", "龙崎区", "官田区", "麻豆区", "佳里区", "西港区", "七股区", "将军区", "学甲区", "北门区", "新营区",
            "后壁区", "白河区", "东山区", "六甲区", "下营区", "柳营区", "盐水区", "善化区", "大内区", "山上区", "新市区", "安定区");
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final ArticleLineImport importer;
    private final SiteSettingsStore settings;
    private final JsonMapper json;
    private final AdSlots ads;

    DemoContent(ArticleLineImport importer, SiteSettingsStore settings, JsonMapper json, AdSlots ads) {
        this.importer = importer;
        this.settings = settings;
        this.json = json;
        this.ads = ads;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.value(LOADED_FLAG) != null) {
            return;
        }
        int stored = 0;
        int failed = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                LineResult result = importer.importRecord(number, toImportRecord(json.readTree(line)));
                if (result.failed()) {
                    failed++;
                    log.warn("demo line {}: {}", number, result.error());
                } else {
                    stored++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo articles " + FILE, e);
        }
        // House ads, so the demo shows its ad slots (labelled 广告, closable).
        ads.place(new AdCreative(AdSlots.SIDEBAR, "广告位招租：在报头新闻投放您的品牌", "/contact", null));
        ads.place(new AdCreative(AdSlots.HOME_TOP, "报头 Masthead — 开源新闻发布与聚合平台", "/latest", null));
        settings.putValue(LOADED_FLAG, "true");
        log.info("Demo content: {} articles loaded, {} skipped", stored, failed);
    }

    /** The credit line inside 「…」 of the record's attribution note, as its README asks to show. */
    static String creditLine(String attribution) {
        int open = attribution.indexOf('「');
        int close = attribution.lastIndexOf('」');
        return open >= 0 && close > open ? attribution.substring(open + 1, close) : attribution;
    }

    /** Maps a press-release record to the interchange format: the issuing agency is the source. */
    ImportRecord toImportRecord(JsonNode r) {
        List<String> agencies = new ArrayList<>();
        r.path("authors").forEach(a -> agencies.add(a.asString()));
        String agency = agencies.isEmpty() ? "台南市政府" : agencies.getFirst();
        String title = r.path("title").asString();
        String body = r.path("body").asString();
        String category = r.path("category").asString(null);
        List<String> tags = new ArrayList<>();
        if (category != null) {
            tags.add(category);
        }
        String head = title + body.substring(0, Math.min(body.length(), 300));
        DISTRICTS.stream().filter(head::contains).limit(3).forEach(tags::add);
        String attribution = creditLine(r.path("attribution").asString(""));
        String text = body + (attribution.isBlank() ? "" : "\n\n" + attribution);
        return new ImportRecord(title, r.path("subtitle").asString(null), text, "text", r.path("publishedAt").asString(), null,
                agency, HOMEPAGE, r.path("originalUrl").asString(null), List.of(), category, tags, null, List.of());
    }
}
