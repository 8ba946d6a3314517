package io.holdfast.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.PostgresServerTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deferring the indexes of transfers on PostgreSQL: the drop is recorded with each definition,
 * a rebuild by another process (as at server start, after an import died) puts back exactly the
 * indexes there were, and two rebuilds at once build each index once.
 */
class DeferredIndexesIT extends PostgresServerTest {
  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DeferredIndexRepair repair;

  @AfterEach
  void indexesAreBack() throws Exception {
    // Whatever a test did, the shared database keeps its indexes.
    new DeferredIndexes(dataSource, Clock.systemUTC(), "test").rebuild();
    assertThat(secondaryIndexes()).hasSize(4);
  }

  @Test
  void aDeferralSurvivesTheImportDyingAndTheServerStartBuildsTheSameIndexes() throws Exception {
    Map<String, String> before = secondaryIndexes();
    assertThat(before).containsOnlyKeys("transfers_by_recipient_account",
        "transfers_by_recipient_address", "transfers_by_sender", "transfers_by_time");
    long auditBefore = audit("indexes.deferred");

    List<String> deferred = new DeferredIndexes(dataSource, Clock.systemUTC(), "importer")
        .defer("transfers");

    assertThat(deferred).containsExactlyElementsOf(before.keySet());
    assertThat(secondaryIndexes()).isEmpty();
    assertThat(jdbc.sql("SELECT index_name, definition FROM deferred_indexes")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list())
        .containsExactlyInAnyOrderElementsOf(before.entrySet());
    assertThat(audit("indexes.deferred")).isEqualTo(auditBefore + 1);
    assertThat(primaryKeyStillThere()).as("the import's idempotence rests on it").isTrue();

    // The importer "dies" here; the next server start finds the list.
    assertThat(repair.repair()).containsExactlyElementsOf(before.keySet());
    assertThat(secondaryIndexes()).isEqualTo(before);
    assertThat(new DeferredIndexes(dataSource, Clock.systemUTC(), "t").pending()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'indexes.rebuilt'"
        + " AND actor = :a").param("a", DeferredIndexRepair.ACTOR).query(Long.class).single())
        .isGreaterThanOrEqualTo(4);
    assertThat(repair.repair()).as("a second start has nothing to do").isEmpty();
  }

  @Test
  void twoRebuildsAtOnceBuildEachIndexOnce() throws Exception {
    Map<String, String> before = secondaryIndexes();
    new DeferredIndexes(dataSource, Clock.systemUTC(), "importer").defer("transfers");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<List<String>> rebuild = () ->
          new DeferredIndexes(dataSource, Clock.systemUTC(), "rebuilder").rebuild();
      List<Future<List<String>>> runs = List.of(threads.submit(rebuild),
          threads.submit(rebuild));
      List<String> built = new ArrayList<>();
      for (Future<List<String>> run : runs) {
        built.addAll(run.get());
      }
      assertThat(built).containsExactlyInAnyOrderElementsOf(before.keySet());
    } finally {
      threads.shutdownNow();
    }
    assertThat(secondaryIndexes()).isEqualTo(before);
  }

  @Test
  void aTableWithoutSecondaryIndexesDefersNothing() throws Exception {
    assertThat(new DeferredIndexes(dataSource, Clock.systemUTC(), "t").defer("deferred_indexes"))
        .isEmpty();
  }

  private Map<String, String> secondaryIndexes() {
    return new TreeMap<>(jdbc.sql("SELECT indexname, indexdef FROM pg_indexes"
            + " WHERE tablename = 'transfers' AND indexname <> 'transfers_pkey'")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private boolean primaryKeyStillThere() {
    return jdbc.sql("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'transfers_pkey'")
        .query(Long.class).single() == 1;
  }

  private long audit(String action) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a").param("a", action)
        .query(Long.class).single();
  }
}
