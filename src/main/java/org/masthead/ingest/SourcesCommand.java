package org.masthead.ingest;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.masthead.source.SourceDirectory;
import org.masthead.source.SourceProfile;
import org.masthead.source.SourceRefused;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar masthead.jar sources add|list|poll …} on the configured data dir or database, the
 * same services as {@code /api/v1/sources}:
 *
 * <pre>
 * sources add --name 新华社 --homepage https://www.news.cn/ --feed https://www.news.cn/rss.xml [--logo URL] [--poll-minutes 30]
 * sources list
 * sources poll ID
 * </pre>
 * Results go to standard output (JSON for add and poll, one line per source for list), messages to
 * standard error. Exit status 0 when done; 1 when it failed (a name or feed URL already taken, an
 * unknown source, every feed of the poll failed); 2 for a wrong command line or a field that is not
 * valid (a URL that is not http(s)).
 */
public final class SourcesCommand {

    static final String USAGE = """
            usage: java -jar masthead.jar sources add --name NAME --homepage URL --feed URL [--logo URL] [--poll-minutes N]
                   java -jar masthead.jar sources list
                   java -jar masthead.jar sources poll SOURCE_ID
                   (each takes the server's options too: --masthead.data-dir=… --spring.datasource.url=…)""";

    private static final Set<String> OPTIONS = Set.of("name", "homepage", "feed", "logo", "poll-minutes");

    /** The command line split: the action, its options and plain arguments, and the options for Spring. */
    record Line(String action, Map<String, String> options, List<String> arguments, List<String> springArgs) {}

    private SourcesCommand() {}

    public static int run(Class<?> application, String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Line line;
        try {
            line = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sources: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "masthead.demo.enabled=false", "masthead.ingest.polling=false",
                        // The command line waits for its poll however long it takes.
                        "masthead.ingest.poll-now-timeout=1h")
                .run(line.springArgs().toArray(String[]::new))) {
            MessageSource messages = context.getBean(MessageSource.class);
            try {
                return switch (line.action()) {
                    case "add" -> add(context, line, out, err);
                    case "list" -> list(context, out);
                    case "poll" -> poll(context, line, out, err);
                    default -> throw new IllegalStateException(line.action());
                };
            } catch (SourceRefused e) {
                err.println("sources: " + e.message(messages, LocaleContextHolder.getLocale()) + " (" + e.key() + ")");
                return e.reason() == SourceRefused.Reason.INVALID ? 2 : 1;
            }
        } catch (RuntimeException e) {
            err.println("sources: failed: " + e.getMessage());
            return 1;
        }
    }

    private static int add(ConfigurableApplicationContext context, Line line, PrintStream out, PrintStream err) {
        Map<String, String> o = line.options();
        Duration interval = Duration.ofMinutes(Long.parseLong(o.getOrDefault("poll-minutes", "30")));
        SourceProfile created = context.getBean(SourceDirectory.class)
                .create(new SourceDirectory.Fields(o.get("name"), o.get("homepage"), o.get("logo")), o.get("feed"), interval);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", created.id());
        shown.put("name", created.name());
        shown.put("homepage", created.homepage());
        shown.put("logoUrl", created.logoUrl());
        shown.put("feeds", context.getBean(FeedHealth.class).ofSource(created.id()).stream().map(FeedHealth.View::url).toList());
        out.println(context.getBean(JsonMapper.class).writeValueAsString(shown));
        err.println("sources: added " + created.name() + " as source " + created.id());
        return 0;
    }

    private static int list(ConfigurableApplicationContext context, PrintStream out) {
        FeedHealth health = context.getBean(FeedHealth.class);
        out.println(String.join("\t", "id", "name", "feeds", "lastSuccess", "lastError", "itemsPerDay", "nextPoll", "backoff", "homepage"));
        for (SourceProfile s : context.getBean(SourceDirectory.class).list()) {
            FeedHealth.SourceView h = health.ofSourceSummed(s.id());
            out.println(String.join("\t", String.valueOf(s.id()), s.name(), String.valueOf(h.feedCount()), time(h.lastSuccessAt()),
                    h.lastError() == null ? "-" : time(h.lastErrorAt()) + " " + h.lastError().replaceAll("\\s+", " "), String.valueOf(h.itemsPerDay()),
                    time(h.nextPollAt()), h.backingOff() ? h.failureCount() + " failures, retry " + time(h.retryAt()) : "-",
                    s.homepage() == null ? "-" : s.homepage()));
        }
        return 0;
    }

    private static int poll(ConfigurableApplicationContext context, Line line, PrintStream out, PrintStream err) {
        long id = Long.parseLong(line.arguments().getFirst());
        context.getBean(SourceDirectory.class).byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        SourcePollOutcome outcome;
        try {
            outcome = context.getBean(FeedPolling.class).pollSource(id);
        } catch (IllegalArgumentException e) {
            err.println("sources: " + e.getMessage());
            return 1;
        }
        out.println(context.getBean(JsonMapper.class).writeValueAsString(outcome));
        err.printf("sources: %d new, %d revised, %d unchanged, %d duplicates, %d rejected, %d held for review; %d of %d feeds failed, %d busy%n",
                outcome.created(), outcome.updated(), outcome.unchanged(), outcome.duplicates(), outcome.rejected(), outcome.flagged(), outcome.failed(),
                outcome.feeds().size(), outcome.busy());
        return outcome.allFailed() || !outcome.status().equals("done") ? 1 : 0;
    }

    /** Splits the arguments after "sources"; a wrong line is an {@link IllegalArgumentException} saying what is wrong. */
    static Line parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(Math.min(1, args.length), args.length));
        Map<String, String> options = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = (eq < 0 ? arg.substring(2) : arg.substring(2, eq)).toLowerCase(Locale.ROOT);
                if (OPTIONS.contains(name)) {
                    if (eq >= 0) {
                        options.put(name, arg.substring(eq + 1));
                    } else if (i + 1 < rest.size()) {
                        options.put(name, rest.get(++i));
                    } else {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                } else if (eq > 2) {
                    spring.add(arg);
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            } else {
                plain.add(arg);
            }
        }
        if (plain.isEmpty()) {
            throw new IllegalArgumentException("say what to do: add, list or poll");
        }
        String action = plain.removeFirst();
        switch (action) {
            case "add" -> {
                for (String required : List.of("name", "feed")) {
                    if (options.getOrDefault(required, "").isBlank()) {
                        throw new IllegalArgumentException("add needs --" + required);
                    }
                }
                if (!plain.isEmpty()) {
                    throw new IllegalArgumentException("add takes options only, not " + plain.getFirst());
                }
                if (options.containsKey("poll-minutes") && !options.get("poll-minutes").matches("\\d{1,6}")) {
                    throw new IllegalArgumentException("--poll-minutes must be a whole number of minutes");
                }
            }
            case "list" -> {
                if (!plain.isEmpty() || !options.isEmpty()) {
                    throw new IllegalArgumentException("list takes no arguments");
                }
            }
            case "poll" -> {
                if (plain.size() != 1 || !plain.getFirst().matches("\\d{1,18}") || !options.isEmpty()) {
                    throw new IllegalArgumentException("poll takes one source id (a number)");
                }
            }
            default -> throw new IllegalArgumentException("unknown action " + action + ": use add, list or poll");
        }
        return new Line(action, options, plain, spring);
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.toString();
    }
}
