package org.masthead.ingest;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar masthead.jar import FILE.jsonl [--spring.datasource.url=… --masthead.data-dir=…]}:
 * imports a file through the same code path as the API, printing one JSON result per line to
 * standard output and progress to standard error. Exit status 0 when every line was stored, 1 when
 * some lines failed (the good ones are stored), 2 when the file cannot be read.
 */
public final class ImportCommand {

    private enum Count { created, updated, unchanged, error }

    private ImportCommand() {}

    public static int run(Class<?> application, String[] args) {
        // Written through the file descriptor so the CLI prints UTF-8 whatever the platform default.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        String file = Arrays.stream(rest).filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        if (file == null) {
            err.println("usage: java -jar masthead.jar import FILE.jsonl [--spring.datasource.url=…] [--masthead.data-dir=…]");
            return 2;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            err.println("import: cannot read " + path.toAbsolutePath());
            return 2;
        }
        String[] springArgs = Arrays.stream(rest).filter(a -> a.startsWith("--")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "masthead.demo.enabled=false", "masthead.ingest.polling=false")
                .run(springArgs);
                Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            ArticleLineImport importer = context.getBean(ArticleLineImport.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            Map<Count, Integer> counts = new EnumMap<>(Count.class);
            long started = System.nanoTime();
            importer.importLines(reader, result -> {
                out.println(json.writeValueAsString(result));
                Count kind = Count.valueOf(result.status());
                int done = counts.merge(kind, 1, Integer::sum);
                if (kind == Count.error) {
                    err.println("line " + result.line() + ": " + result.error());
                }
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                if (total % 1000 == 0 && done > 0) {
                    err.println("… " + total + " lines");
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf("import: %d created, %d updated, %d unchanged, %d errors in %.1f s%n",
                    counts.getOrDefault(Count.created, 0), counts.getOrDefault(Count.updated, 0),
                    counts.getOrDefault(Count.unchanged, 0), counts.getOrDefault(Count.error, 0), seconds);
            return counts.getOrDefault(Count.error, 0) == 0 ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("import: cannot read " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("import: " + e.getMessage());
            return 2;
        }
    }
}
