package dev.ftgo.web.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A servlet application with the library on its class path, as a service has it. */
@SpringBootApplication
public class TestApplication {
}
