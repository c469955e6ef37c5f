package com.oversight.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's script, style and chart library, served by Oversight itself under
 * {@code /dashboard/assets/} (signed in, like the page; the page's Content Security Policy allows
 * scripts from Oversight only): {@code dashboard.js} and {@code dashboard.css} from
 * {@code src/main/resources/dashboard/}, and Apache ECharts ({@code echarts.min.js}) from its
 * webjar ({@code org.webjars.npm:echarts}), whose version is read from the webjar itself.
 */
@Configuration
class DashboardAssets implements WebMvcConfigurer {

  static final String PATH = "/dashboard/assets/";
  static final String ECHARTS_WEBJAR =
      "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH + "**")
        .addResourceLocations("classpath:/dashboard/",
            "classpath:/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
  }

  /** The version of the ECharts webjar on the classpath. */
  static String echartsVersion() {
    try (InputStream in = DashboardAssets.class.getClassLoader()
        .getResourceAsStream(ECHARTS_WEBJAR)) {
      if (in == null) {
        throw new IllegalStateException("The ECharts webjar is missing: " + ECHARTS_WEBJAR);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
