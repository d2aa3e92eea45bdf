package org.masthead.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    static DataDirectory dataDirectory() {
        return new DataDirectory();
    }

    /** One clock for the whole application, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
