package org.masthead.media.storage;

import java.nio.file.Path;
import org.masthead.media.MediaSettings;
import org.masthead.media.MediaStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one {@link MediaStore}, chosen by {@code masthead.media.store}: {@code local} (default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "masthead.media.store", havingValue = "local", matchIfMissing = true)
    MediaStore localDiskMediaStore(MediaSettings settings, Environment environment) {
        String directory = settings.directory();
        Path root = directory == null || directory.isBlank()
                ? Path.of(environment.getProperty("masthead.data-dir", "./data"), "media")
                : Path.of(directory);
        return new LocalDiskMediaStore(root);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "masthead.media.store", havingValue = "s3")
    MediaStore s3MediaStore(MediaSettings settings) {
        return new S3MediaStore(settings.s3());
    }
}
