package io.holdfast.server.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's assets come from the jar: its own stylesheet and scripts, htmx and uPlot (the
 * KPI charts) from their webjars, so a page loads nothing from anywhere else (the content
 * security policy says so).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleWebConfig implements WebMvcConfigurer {
  /** The htmx release in the pom; ConsoleAssetsTest fails if they part. */
  static final String HTMX = "2.0.7";
  /** The uPlot release in the pom; ConsoleAssetsTest fails if they part. */
  static final String UPLOT = "1.6.30";

  /**
   * The vendor folder is htmx's {@code dist} folder: a handler's pattern names a folder, and a
   * pattern naming one file (as this was) resolves to the folder itself, which served nothing.
   */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/console/assets/vendor/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/" + HTMX
            + "/dist/");
    registry.addResourceHandler("/console/assets/vendor/uplot/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/uplot/" + UPLOT
            + "/dist/");
    registry.addResourceHandler("/console/assets/**")
        .addResourceLocations("classpath:/console/assets/");
  }
}
