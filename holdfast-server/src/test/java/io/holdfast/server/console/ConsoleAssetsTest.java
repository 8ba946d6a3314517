package io.holdfast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The scripts the console's pages load from webjars are on the classpath where
 * {@link ConsoleWebConfig} maps them: a webjar upgraded in the pom without the constant (or the
 * other way round) would leave the pages without htmx or without their charts.
 */
class ConsoleAssetsTest {
  @Test
  void theWebjarsScriptsAreWhereTheConsoleServesThemFrom() {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(loader.getResource("META-INF/resources/webjars/htmx.org/" + ConsoleWebConfig.HTMX
        + "/dist/htmx.min.js")).isNotNull();
    for (String file : new String[] {"uPlot.iife.min.js", "uPlot.min.css"}) {
      assertThat(loader.getResource("META-INF/resources/webjars/uplot/" + ConsoleWebConfig.UPLOT
          + "/dist/" + file)).as(file).isNotNull();
    }
    assertThat(loader.getResource("console/assets/console-kpis.js")).isNotNull();
  }
}
