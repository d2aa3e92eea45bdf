package org.masthead.search;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar masthead.jar reindex [--masthead.data-dir=… --spring.datasource.url=…]}: rebuilds
 * the search index from the database, printing progress to standard error. The old index keeps its
 * place until the new one is complete, so an interrupted run changes nothing. Exit status 0 when
 * done, 1 when the rebuild failed, 2 when another process (a running server) holds the index: a
 * running server repairs its own index (start-up and periodic checks).
 */
public final class ReindexCommand {

    private ReindexCommand() {}

    public static int run(Class<?> application, String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String[] springArgs = Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")).toArray(String[]::new);
        if (springArgs.length != args.length - 1) {
            err.println("usage: java -jar masthead.jar reindex [--masthead.data-dir=…] [--spring.datasource.url=…]");
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "masthead.demo.enabled=false", "masthead.ingest.polling=false")
                .run(springArgs)) {
            SearchIndex index = context.getBean(SearchIndex.class);
            if (!index.available()) {
                err.println("reindex: the search index is in use by another process (a running server?); stop it first, "
                        + "or let the server's own check repair its index");
                return 2;
            }
            SearchIndexing indexing = context.getBean(SearchIndexing.class);
            long[] lastShown = {0};
            SearchIndexing.Reindexed done = indexing.reindex(written -> {
                if (written - lastShown[0] >= 1000) {
                    err.println("… " + written + " articles");
                    lastShown[0] = written;
                }
            });
            err.printf("reindex: %d articles in %.1f s%n", done.articles(), done.took().toMillis() / 1000.0);
            return 0;
        } catch (RuntimeException e) {
            err.println("reindex: failed: " + e.getMessage());
            return 1;
        }
    }
}
