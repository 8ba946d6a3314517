package io.holdfast.core.intel;

import io.holdfast.core.screening.Outcome;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Counterparty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory index from counterparties to the intel lists naming them. Lookups run on the
 * screening hot path, so they are lock-free and allocate nothing: each key maps to an
 * immutable list of list names that is replaced, never changed, on write. Writes are rare
 * (list loads) and serialised on one lock, which keeps the copy-on-write updates simple.
 */
public final class IntelIndex {
  private final Map<String, IntelList> lists = new ConcurrentHashMap<>();
  // Addresses are keyed by index network first, so that a lookup needs no key concatenation.
  private final Map<String, Map<String, List<String>>> addresses = new ConcurrentHashMap<>();
  private final Map<String, List<String>> accounts = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final Object writeLock = new Object();

  /** Adds a list or replaces its action and description; its entries are kept. */
  public void putList(IntelList list) {
    Invariants.check(list != null, "list is required");
    lists.put(list.name(), list);
  }

  public Optional<IntelList> list(String name) {
    return Optional.ofNullable(lists.get(name));
  }

  public Collection<IntelList> lists() {
    return List.copyOf(lists.values());
  }

  /** Adds an address to a list; false if the list already held it. */
  public boolean addAddress(String listName, AddressCheck.Valid address) {
    requireList(listName);
    synchronized (writeLock) {
      Map<String, List<String>> byAddress =
          addresses.computeIfAbsent(address.indexNetwork(), k -> new ConcurrentHashMap<>());
      return add(byAddress, address.address(), listName);
    }
  }

  /** Adds a platform account to a list; false if the list already held it. */
  public boolean addAccount(String listName, String accountId) {
    requireList(listName);
    Invariants.check(accountId != null && !accountId.isBlank(), "account id is required");
    synchronized (writeLock) {
      return add(accounts, accountId, listName);
    }
  }

  /** Removes an address from a list; false if the list did not hold it. */
  public boolean removeAddress(String listName, AddressCheck.Valid address) {
    synchronized (writeLock) {
      Map<String, List<String>> byAddress = addresses.get(address.indexNetwork());
      return byAddress != null && remove(byAddress, address.address(), listName);
    }
  }

  /** Removes a platform account from a list; false if the list did not hold it. */
  public boolean removeAccount(String listName, String accountId) {
    synchronized (writeLock) {
      return remove(accounts, accountId, listName);
    }
  }

  /** Removes every entry of a list, keeping the list itself, e.g. before a full reload. */
  public void clearList(String name) {
    synchronized (writeLock) {
      for (Map<String, List<String>> byAddress : addresses.values()) {
        for (String key : List.copyOf(byAddress.keySet())) {
          remove(byAddress, key, name);
        }
      }
      for (String key : List.copyOf(accounts.keySet())) {
        remove(accounts, key, name);
      }
    }
  }

  /**
   * Names of the lists holding a counterparty; the shared empty list when none does. External
   * addresses must already be normalised (see {@link AddressNormalizer}); their network is
   * mapped to its index network, so an address listed on ETH is found for a transfer on BSC.
   */
  public List<String> lookup(Counterparty counterparty) {
    List<String> found;
    if (counterparty instanceof Counterparty.ExternalAddress external) {
      Map<String, List<String>> byAddress =
          addresses.get(Network.indexNetworkOf(external.network()));
      found = byAddress == null ? null : byAddress.get(external.address());
    } else if (counterparty instanceof Counterparty.PlatformAccount account) {
      found = accounts.get(account.accountId());
    } else {
      found = null;
    }
    return found == null ? List.of() : found;
  }

  /** The most severe action of the named lists; ALLOW if none of them is known. */
  public Outcome strongestAction(List<String> listNames) {
    Outcome strongest = Outcome.ALLOW;
    for (String name : listNames) {
      IntelList list = lists.get(name);
      if (list != null) {
        strongest = strongest.atLeast(list.action());
      }
    }
    return strongest;
  }

  /** Total entries: one per (counterparty, list) pair. */
  public int size() {
    return size.get();
  }

  private void requireList(String listName) {
    Invariants.check(listName != null && lists.containsKey(listName),
        "intel list %s must be put before entries are added to it", listName);
  }

  private boolean add(Map<String, List<String>> map, String key, String listName) {
    List<String> current = map.get(key);
    if (current != null && current.contains(listName)) {
      return false;
    }
    List<String> next = new ArrayList<>(current == null ? List.of() : current);
    next.add(listName);
    map.put(key, List.copyOf(next));
    size.incrementAndGet();
    return true;
  }

  private boolean remove(Map<String, List<String>> map, String key, String listName) {
    List<String> current = map.get(key);
    if (current == null || !current.contains(listName)) {
      return false;
    }
    List<String> next = new ArrayList<>(current);
    next.remove(listName);
    if (next.isEmpty()) {
      map.remove(key);
    } else {
      map.put(key, List.copyOf(next));
    }
    size.decrementAndGet();
    return true;
  }
}
