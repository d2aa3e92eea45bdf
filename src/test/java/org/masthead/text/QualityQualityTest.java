package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How well {@link Quality} flags advertorial and content-farm items: the 50 distinct items of the seed page's lists
 * (title and the excerpt the page shows; labelled by hand below: 11 are ads or content-farm filler) and
 * 1,000 random Sina 2018 news articles (title and full text; all news). The rules were written looking at
 * the seed page, so its recall is in-sample; the Sina false-positive rate is the honest number.
 */
class QualityQualityTest {

    private static final Path SHARED = Path.of(System.getProperty("masthead.shared", "../shared"));
    private static final Pattern TIME = Pattern.compile("\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    /** Title starts of the seed items that are not news: a hospital ad, content farms, Q&A scraps. */
    private static final Set<String> SPAM = Set.of(
            "上海哪里白癜风医院好", "学生写字等级考试规范字帖", "末世掌上七星txt微盘", "友情留言板留言大全", "求重庆四海一家的详细地址",
            "李世昌(对于李世昌", "济阳县人力资源和社会保障局补助", "存在论 实际性的解释学", "盘锦找一个律师辩护", "长相守演员表",
            "孩子拿别人东西该怎么教育");

    @Test
    void flagsTheSeedPagesAdsAndFillerAndAlmostNoNews() throws IOException {
        Path seed = SHARED.resolve("reference/seed-page.txt");
        Path sina = SHARED.resolve("corpus/sina-news-2018/sina_news_2018.jsonl");
        assumeTrue(Files.isReadable(seed) && Files.isReadable(sina), "../shared not present (a user's clone): skipped");

        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<String> seen = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (TIME.matcher(l).matches()) {
                String title = lines.get(lines.size() - 2);
                String excerpt = lines.get(lines.size() - 1);
                if (seen.contains(title)) {
                    continue; // the headline list repeats items of the latest list
                }
                seen.add(title);
                boolean spam = SPAM.stream().anyMatch(title::startsWith);
                Quality.Verdict v = Quality.assess(title, excerpt, 0);
                System.out.printf("%s %s %d %s %s%n", spam ? "SPAM" : "news", v.flagged() ? "flagged" : "-      ", v.score(), title, v.reasons());
                tp += spam && v.flagged() ? 1 : 0;
                fp += !spam && v.flagged() ? 1 : 0;
                fn += spam && !v.flagged() ? 1 : 0;
                tn += !spam && !v.flagged() ? 1 : 0;
            } else if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        System.out.printf("seed page: %d items, %d spam; flagged %d correctly, %d wrongly; missed %d%n", seen.size(), tp + fn, tp, fp, fn);

        JsonMapper json = JsonMapper.builder().build();
        List<String> all = new ArrayList<>(Files.readAllLines(sina, StandardCharsets.UTF_8));
        Collections.shuffle(all, new Random(7));
        int news = 0;
        int flaggedNews = 0;
        for (String line : all) {
            JsonNode a = json.readTree(line);
            if (a.get("body").asString().isBlank()) {
                continue;
            }
            Quality.Verdict v = Quality.assess(a.get("title").asString(), a.get("body").asString(), 0);
            if (v.flagged()) {
                flaggedNews++;
                System.out.printf("Sina flagged: %s %s%n", a.get("title").asString(), v.reasons());
            }
            if (++news == 1000) {
                break;
            }
        }
        double precision = (double) tp / (tp + fp + flaggedNews);
        double recall = (double) tp / (tp + fn);
        System.out.printf("Sina news: %d of %d flagged (%.1f%%)%nall together: precision %.3f, recall %.3f%n",
                flaggedNews, news, 100.0 * flaggedNews / news, precision, recall);

        assertThat(seen).hasSize(50);
        assertThat(recall).isGreaterThanOrEqualTo(0.8);
        assertThat(fp).isZero();
        assertThat(flaggedNews).isLessThanOrEqualTo(10);
    }
}
