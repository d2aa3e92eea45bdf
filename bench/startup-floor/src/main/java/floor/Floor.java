package floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One page, nothing else: what Spring Boot 4 on Jetty costs to start on this machine. */
@SpringBootApplication
@RestController
public class Floor {

    public static void main(String[] args) {
        SpringApplication.run(Floor.class, args);
    }

    @GetMapping("/")
    String page() {
        return "<!doctype html><title>floor</title><p>hello";
    }
}
