package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * No page costs a number of SQL statements that grows with what it lists (no N+1): each reader page, feed
 * and sitemap is rendered (the page cache is off here, so every request renders) with 60 articles in the
 * database, and the statements its request thread prepares are counted against a small fixed limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.page-cache.enabled=false", "masthead.views.flush-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStatementCountIT {

    /** The most statements any page may take: measured 2026-11-29 at most 9 (/sitemaps/pages.xml; the article page 6 with its library images looked up once, 5 when they were seen before), so room for one more read. */
    static final int LIMIT = 10;

    private static final ThreadLocal<AtomicInteger> COUNTING = new ThreadLocal<>();
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.masthead.topic.TopicEditing topics;

    @Autowired
    org.masthead.article.ArticleFlags flags;

    @Autowired
    org.masthead.ads.AdEditing ads;

    @Autowired
    org.masthead.media.MediaLibrary media;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @TestConfiguration
    static class Counting {

        /** Counts the statements prepared on a thread that is serving a request. */
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(method, dataSource, args);
                        if (result instanceof Connection connection) {
                            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                AtomicInteger counter = COUNTING.get();
                                if (counter != null && (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                        || m.getName().equals("prepareCall"))) {
                                    counter.incrementAndGet();
                                }
                                return invoke(m, connection, a);
                            });
                        }
                        return result;
                    });
                }
            };
        }

        @Bean
        FilterRegistrationBean<Filter> statementCounter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                AtomicInteger counter = new AtomicInteger();
                COUNTING.set(counter);
                try {
                    chain.doFilter(request, response);
                } finally {
                    COUNTING.remove();
                    var http = (jakarta.servlet.http.HttpServletRequest) request;
                    COUNTS.put(http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString()), counter.get());
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @BeforeAll
    void sixtyArticles() {
        // Each article's own library image as its cover and the next one's in its body: pages that show them (cards, cover,
        // body srcset) look them up together, whatever their number.
        List<String> images = new java.util.ArrayList<>();
        for (int i = 0; i < 61; i++) {
            images.add(media.upload(new org.masthead.media.MediaLibrary.Upload(org.masthead.media.TestImages.jpeg(400 + i, 300), i + ".jpg", "", "admin")).url());
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append(json.writeValueAsString(Map.of("title", "第" + i + "条新闻", "body", "<p>正文" + i + "。</p><figure><img src=\"https://img.example.cn/" + i
                    + ".jpg\" alt=\"\"></figure><p><img src=\"" + images.get(i + 1) + "\" alt=\"\"></p>", "coverImage", images.get(i), "publishedAt", String.format("2023-08-%02dT09:00:00+08:00", 1 + i % 28), "channel", "栏目" + i % 4,
                    "tags", List.of("标签" + i % 3, "标签" + i % 5), "authors", List.of("作者" + i % 2), "originalUrl", "https://example.cn/n/" + i,
                    "source", "来源" + i % 3))).append('\n');
        }
        assertThat(TestSites.importAsAdmin(port, lines.toString()).statusCode()).isEqualTo(200);
        // Flags, a topic of 30 articles under sections and ads at every placement: none may cost a statement per item.
        List<Long> all = jdbc.sql("SELECT id FROM article ORDER BY id").query(Long.class).list();
        org.masthead.article.Actor editor = new org.masthead.article.Actor("editor", org.masthead.article.Actor.Role.EDITOR, null);
        for (int i = 0; i < 12; i++) {
            flags.set(all.get(i), Map.of(org.masthead.article.ArticleFlag.values()[i % 3], true), editor);
        }
        long topic = topics.create(new org.masthead.topic.TopicDraft("count-test", "专题", "导语", null));
        topics.addArticles(topic, all.subList(0, 15), "一");
        topics.addArticles(topic, all.subList(15, 30), "二");
        for (String placement : org.masthead.ads.AdSlots.PLACEMENTS) {
            long slot = ads.saveSlot(null, new org.masthead.ads.AdSlotDraft(placement, placement, null, 90));
            ads.saveCreative(null, new org.masthead.ads.CreativeDraft(slot, org.masthead.ads.CreativeKind.TEXT, "广告", "https://ad.example.cn/", null, null, 1,
                    null, null));
        }
    }

    @Test
    void everyPageTakesAFewStatementsWhateverItLists() {
        long id = jdbc.sql("SELECT MAX(id) FROM article").query(Long.class).single();
        String channel = org.springframework.web.util.UriUtils.encodePathSegment(
                jdbc.sql("SELECT slug FROM channel ORDER BY id LIMIT 1").query(String.class).single(), java.nio.charset.StandardCharsets.UTF_8);
        long source = jdbc.sql("SELECT MIN(id) FROM source").query(Long.class).single();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String page : List.of("/", "/latest", "/latest?page=2", "/articles/" + id, "/channel/" + channel, "/tag/%E6%A0%87%E7%AD%BE1",
                "/source/" + source, "/author/%E4%BD%9C%E8%80%851", "/feed.xml", "/atom.xml", "/feed.json", "/channel/" + channel + "/feed.xml",
                "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/news.xml", "/sitemaps/articles-1.xml", "/topic/count-test", "/topics")) {
            HttpResponse<String> response = TestSites.get(port, page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            if (page.equals("/") || page.startsWith("/articles/") || page.startsWith("/channel/") && !page.endsWith(".xml")) {
                assertThat(response.body()).as(page).contains(" srcset=\"/media/");
            }
            counts.put(page, awaitCount(page));
        }
        System.err.println("SQL statements per page: " + counts);
        assertThat(counts).allSatisfy((page, count) -> assertThat(count).as(page).isBetween(1, LIMIT));
        // An ad frame is answered from memory: the slots and creatives are held there, counts are written in batches.
        for (String frame : List.of("/ad/slot/1", "/ad/slot/2", "/ad/click/1")) {
            assertThat(TestSites.get(port, frame).statusCode()).as(frame).isIn(200, 302);
            assertThat(awaitCount(frame)).as(frame).isZero();
        }
    }

    /** The filter records the count after the response is complete, which the client may see first. */
    private static int awaitCount(String page) {
        for (int i = 0; i < 200 && !COUNTS.containsKey(page); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return COUNTS.getOrDefault(page, -1);
    }
}
