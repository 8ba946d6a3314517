package io.holdfast.server.intel;

import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.intel.IntelList;
import io.holdfast.server.intel.IntelStore.Signature;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the in-memory intel index equal to the stored lists. Everything is loaded before the
 * server takes requests ({@link SmartInitializingSingleton} runs before the web server starts),
 * and every few seconds the lists whose entry count or latest entry changed are read again, so
 * entries that the command line (or another server) wrote reach screening without a restart.
 * Entries are only ever added, so a re-read adds what is missing and never leaves a gap in
 * which a listed address goes unscreened.
 */
@Component
public class IntelLoader implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(IntelLoader.class);
  private static final int FETCH_SIZE = 10_000;

  private final IntelIndex index;
  private final IntelStore store;
  private final TransactionTemplate tx;
  private final Map<String, Signature> seen = new HashMap<>();

  public IntelLoader(IntelIndex index, DataSource dataSource, TransactionTemplate tx) {
    this.index = index;
    // A template of its own: the fetch size makes PostgreSQL stream entries through a cursor.
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(FETCH_SIZE);
    this.store = new IntelStore(jdbc);
    this.tx = tx;
  }

  @Override
  public void afterSingletonsInstantiated() {
    long start = System.nanoTime();
    int lists = refresh();
    LOG.info("intel index loaded: {} lists, {} entries in {} ms", lists, index.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Re-reads the lists that changed; returns how many were read. */
  @Scheduled(fixedDelayString = "${holdfast.intel.refresh-millis:5000}",
      initialDelayString = "${holdfast.intel.refresh-millis:5000}")
  public synchronized int refresh() {
    Integer read = tx.execute(status -> {
      int count = 0;
      Map<String, Signature> signatures = store.signatures();
      for (IntelStore.ListRow row : store.all()) {
        IntelList list = row.list();
        if (!index.list(list.name()).map(list::equals).orElse(false)) {
          index.putList(list);
        }
        Signature now = signatures.get(list.name());
        if (now != null && !now.equals(seen.get(list.name()))) {
          store.forEachEntry(list.name(), (address, account) -> add(list.name(), address,
              account));
          seen.put(list.name(), now);
          count++;
        }
      }
      return count;
    });
    return read == null ? 0 : read;
  }

  private void add(String list, io.holdfast.core.intel.AddressCheck.Valid address,
      String account) {
    if (address != null) {
      index.addAddress(list, address);
    } else {
      index.addAccount(list, account);
    }
  }
}
