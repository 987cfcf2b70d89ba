package uk.customerhub.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The runnable Customer Hub: domain, channels and projections wired on MongoDB (embedded by default). */
@SpringBootApplication(scanBasePackages = "uk.customerhub")
@ConfigurationPropertiesScan("uk.customerhub")
public class CustomerHubApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CustomerHubApplication.class, args);
    }
}
