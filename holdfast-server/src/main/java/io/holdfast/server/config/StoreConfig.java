package io.holdfast.server.config;

import com.zaxxer.hikari.HikariDataSource;
import io.holdfast.server.store.EmbeddedPostgres;
import io.holdfast.server.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's database: the PostgreSQL named by {@code spring.datasource.url}
 * (HOLDFAST_DB_URL), or the embedded PostgreSQL under {@code holdfast.data-dir}, which this
 * server starts and owns. The pool depends on the location, so Spring closes the pool before
 * it stops an embedded PostgreSQL, after every writer has finished.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfig {

  @Bean(destroyMethod = "close")
  StoreLocation storeLocation(@Value("${spring.datasource.url:}") String url,
      @Value("${spring.datasource.username:}") String user,
      @Value("${spring.datasource.password:}") String password,
      @Value("${holdfast.data-dir:./holdfast-data}") String dataDir,
      @Value("${holdfast.store.start-timeout:PT2M}") Duration startTimeout) {
    return StoreLocation.resolve(url, user, password, Path.of(dataDir),
        EmbeddedPostgres.Role.SERVER, startTimeout);
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(StoreLocation store) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(store.url());
    dataSource.setUsername(store.user());
    dataSource.setPassword(store.password());
    return dataSource;
  }
}
