package org.masthead;

import org.masthead.ingest.ImportCommand;
import org.masthead.ingest.SourcesCommand;
import org.masthead.search.ReindexCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Masthead (报头): a news publishing and aggregation platform for Chinese-language news sites. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class MastheadApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(MastheadApplication.class, args));
        }
        if (args.length > 0 && args[0].equals("sources")) {
            System.exit(SourcesCommand.run(MastheadApplication.class, args));
        }
        if (args.length > 0 && args[0].equals("reindex")) {
            System.exit(ReindexCommand.run(MastheadApplication.class, args));
        }
        SpringApplication.run(MastheadApplication.class, args);
    }
}
