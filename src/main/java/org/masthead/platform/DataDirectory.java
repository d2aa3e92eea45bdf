package org.masthead.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Creates the data directory (and the folder of an SQLite file named elsewhere) before any bean
 * opens a connection: SQLite creates the file but not its folder, and a first start from a clean
 * clone must just work.
 */
public class DataDirectory implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        create(Path.of(environment.getProperty("masthead.data-dir", "./data")));
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:sqlite:") && !url.contains(":memory:")) {
            String file = url.substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            Path parent = Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
            if (parent != null) {
                create(parent);
            }
        }
    }

    private static void create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory.toAbsolutePath(), e);
        }
    }
}
