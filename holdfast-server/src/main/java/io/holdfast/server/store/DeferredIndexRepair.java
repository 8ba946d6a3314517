package io.holdfast.server.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At server start, builds any index a bulk import dropped and did not build again because its
 * process died in between ({@link DeferredIndexes}), so queries on the table are fast again
 * without anyone having to notice.
 */
@Component
public class DeferredIndexRepair implements ApplicationRunner {
  static final String ACTOR = "system:startup";
  private static final Logger LOG = LoggerFactory.getLogger(DeferredIndexRepair.class);

  private final DataSource dataSource;
  private final Clock clock;

  public DeferredIndexRepair(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    repair();
  }

  /** Builds the deferred indexes; returns their names. */
  public List<String> repair() throws SQLException {
    List<String> built = new DeferredIndexes(dataSource, clock, ACTOR).rebuild();
    if (!built.isEmpty()) {
      LOG.warn("built indexes an interrupted import had dropped: {}", built);
    }
    return built;
  }
}
