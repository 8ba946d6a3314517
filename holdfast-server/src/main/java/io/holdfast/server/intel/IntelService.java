package io.holdfast.server.intel;

import io.holdfast.core.intel.IntelEntry;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.intel.IntelList;
import io.holdfast.core.intel.ParseResult;
import io.holdfast.core.screening.Outcome;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Intel lists over the API. Changes are written with their audit records in the request's
 * transaction, and reach the in-memory index only after commit, so screening never blocks on
 * a list the store does not hold.
 */
@Service
public class IntelService {
  public static final int NAME_MAX = 64;
  private static final int DESCRIPTION_MAX = 1000;

  private final IntelImporter importer;
  private final IntelStore store;
  private final IntelIndex index;

  public IntelService(IntelImporter importer, IntelStore store, IntelIndex index) {
    this.importer = importer;
    this.store = store;
    this.index = index;
  }

  /** Validates a list name from the path: an id of at most {@value #NAME_MAX} characters. */
  public static String name(String name) {
    Ids.path("name", name);
    if (name.length() > NAME_MAX) {
      throw ApiProblem.invalidField("name", "a list name has at most " + NAME_MAX
          + " characters");
    }
    return name;
  }

  /** Creates or changes a list; returns whether it was created. */
  @Transactional
  public boolean put(String name, ListBody body) {
    String action = body.action() == null ? "" : body.action();
    if (!action.equals("HOLD") && !action.equals("BLOCK")) {
      throw ApiProblem.invalidField("action", "action must be HOLD or BLOCK");
    }
    String description = body.description() == null ? "" : body.description();
    if (description.length() > DESCRIPTION_MAX) {
      throw ApiProblem.invalidField("description", "description has at most "
          + DESCRIPTION_MAX + " characters");
    }
    IntelList list = new IntelList(name, Outcome.valueOf(action), description);
    Optional<IntelList> before = importer.putList(list, Actor.current());
    afterCommit(() -> index.putList(list));
    return before.isEmpty();
  }

  /** Adds entries to an existing list; refuses a body whose every line is rejected. */
  @Transactional
  public IntelImporter.Report addEntries(String name, ParseResult parsed) {
    if (parsed.entries().isEmpty()) {
      throw new ApiProblem(io.holdfast.server.web.ProblemType.INVALID_FIELD,
          parsed.rejections().isEmpty() ? "the body holds no entries"
              : "every line was rejected; nothing was added",
          Map.of("field", "body", "rejected", IntelController.shown(parsed.rejections())));
    }
    IntelImporter.Report report = importer.addEntries(name, null, parsed, Actor.current(),
        "the API");
    IntelList list = store.find(name).orElseThrow().list();
    List<IntelEntry> entries = parsed.entries();
    afterCommit(() -> addToIndex(index, list, entries));
    return report;
  }

  public List<IntelStore.ListRow> lists() {
    return store.all();
  }

  public Optional<IntelStore.ListRow> find(String name) {
    return store.find(name);
  }

  static void addToIndex(IntelIndex index, IntelList list, List<IntelEntry> entries) {
    index.putList(list);
    for (IntelEntry entry : entries) {
      if (entry.address() != null) {
        index.addAddress(list.name(), entry.address());
      } else {
        index.addAccount(list.name(), entry.accountId());
      }
    }
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }
}
