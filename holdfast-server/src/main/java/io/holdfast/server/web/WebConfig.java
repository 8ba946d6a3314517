package io.holdfast.server.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The servlet container's part in answering refusals. */
@Configuration
public class WebConfig {

  /** Closes connections after refusals instead of draining the bodies they did not read. */
  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> unreadBodies() {
    return factory -> factory.addEngineValves(new UnreadBodyValve());
  }
}
