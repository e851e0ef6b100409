package dev.ftgo.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest Boot application that uses the library the way a service does: by auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
class MessagingTestApplication {
}
