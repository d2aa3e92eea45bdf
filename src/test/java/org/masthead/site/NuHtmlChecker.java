package org.masthead.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C Nu HTML checker ({@link EmbeddedValidator}, the engine of validator.w3.org/nu), run
 * in-process.
 *
 * <p>The checker links against the Jetty 11 HTTP client (for fetching remote schemas, which it never
 * does here). Jetty 11 must not be on the test classpath, where Spring's {@code RestClient} would take
 * it for Jetty 12; so the checker and that client are loaded by a class loader of their own from
 * {@code target/nu-checker} (copied there by the build), which asks the test classpath for everything
 * else: ICU, log4j-over-slf4j, the JDK.
 */
public final class NuHtmlChecker {

    /** One message of the checker: {@code type} is error, info (subType warning) or non-document-error. */
    public record Message(String type, String subType, int line, int column, String text, String extract) {

        public boolean isError() {
            return type.equals("error") || type.equals("non-document-error");
        }

        public String where() {
            return line > 0 ? "line " + line + ":" + column : "document";
        }
    }

    private final ClassLoader loader;
    private final JsonMapper json = JsonMapper.builder().build();

    public NuHtmlChecker() {
        Path lib = Path.of(System.getProperty("masthead.nu-checker", "target/nu-checker"));
        try (Stream<Path> jars = Files.list(lib)) {
            URL[] urls = jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(NuHtmlChecker::url).toArray(URL[]::new);
            if (urls.length == 0) {
                throw new IllegalStateException("no jars in " + lib.toAbsolutePath() + "; run the build (generate-test-resources) first");
            }
            this.loader = new CheckerFirstClassLoader(urls, NuHtmlChecker.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Nu checker's jars in " + lib.toAbsolutePath() + "; run the build first", e);
        }
    }

    /** All messages for a UTF-8 HTML document, in document order. */
    public List<Message> check(String html) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // the checker finds its schema readers with ServiceLoader
        try {
            Class<?> validatorClass = loader.loadClass(EmbeddedValidator.class.getName());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Enum> formatClass = (Class<Enum>) loader.loadClass(EmbeddedValidator.OutputFormat.class.getName());
            Object validator = validatorClass.getConstructor().newInstance();
            validatorClass.getMethod("setOutputFormat", formatClass).invoke(validator, Enum.valueOf(formatClass, "JSON"));
            Method validate = validatorClass.getMethod("validate", InputStream.class);
            String report = (String) validate.invoke(validator, new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<Message> messages = new ArrayList<>();
            for (JsonNode m : json.readTree(report).path("messages")) {
                messages.add(new Message(
                        m.path("type").asString(""),
                        m.path("subType").asString(""),
                        m.path("lastLine").asInt(0),
                        m.path("firstColumn").asInt(m.path("lastColumn").asInt(0)),
                        m.path("message").asString(""),
                        m.path("extract").asString("")));
            }
            return messages;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the Nu checker failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the Nu checker", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }

    /** Loads what its own jars hold itself, so the checker links to the Jetty 11 beside it; all else from the parent. */
    private static final class CheckerFirstClassLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        CheckerFirstClassLoader(URL[] urls, ClassLoader parent) {
            super("nu-checker", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && !name.startsWith("java.")) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        // not one of the checker's: the parent's
                    }
                }
                if (c == null) {
                    c = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
