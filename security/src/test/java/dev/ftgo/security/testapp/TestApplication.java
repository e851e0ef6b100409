package dev.ftgo.security.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service as the FTGO ones are: Spring MVC, the security library, one controller and a problem-details advice. */
@SpringBootApplication
public class TestApplication {
}
