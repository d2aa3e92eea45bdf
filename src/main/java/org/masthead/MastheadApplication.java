package org.masthead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Masthead (报头): a news publishing and aggregation platform for Chinese-language news sites. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class MastheadApplication {

    public static void main(String[] args) {
        SpringApplication.run(MastheadApplication.class, args);
    }
}
