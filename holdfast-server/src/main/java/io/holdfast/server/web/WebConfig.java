package io.holdfast.server.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The servlet container's part in answering errors as problem+json. */
@Configuration
public class WebConfig {

  /** Closes connections after refusals instead of draining the bodies they did not read. */
  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> unreadBodies() {
    return factory -> factory.addEngineValves(new UnreadBodyValve());
  }

  /**
   * Makes {@link ProblemReportValve} the host's only error report valve. The host creates the
   * valve it is told to use when it starts; Spring Boot adds an HTML one of its own beforehand,
   * which is removed when the application's context starts, after the host has set up its
   * valves and before any request.
   */
  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReports() {
    return factory -> factory.addContextCustomizers(context -> {
      Container host = context.getParent();
      if (host instanceof StandardHost standardHost) {
        standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
      context.addLifecycleListener(event -> {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
          keepOnlyProblemReports(host);
        }
      });
    });
  }

  private static void keepOnlyProblemReports(Container host) {
    boolean present = false;
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ProblemReportValve) {
        present = true;
      } else if (valve instanceof ErrorReportValve) {
        host.getPipeline().removeValve(valve);
      }
    }
    if (!present) {
      host.getPipeline().addValve(new ProblemReportValve());
    }
  }
}
