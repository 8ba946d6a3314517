package io.holdfast.app.people;

import io.holdfast.server.people.ApiKeyView;
import io.holdfast.server.people.CreatedApiKey;
import io.holdfast.server.people.NewApiKey;
import io.holdfast.server.people.PeopleOutcome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast keys}: platforms' API keys on the store directly, with the same rules, pepper
 * and audit log as {@code /v1/api-keys}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = {"Manage platforms' API keys on the store directly (works with or without a"
        + " running server). A new key's secret is printed once; Holdfast keeps only a keyed"
        + " hash of it.",
        "Exit codes: 0 done, 2 refused (unknown scope, bad expiry), 3 no such key, 1 store"
            + " error."},
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class,
        KeysCommand.Revoke.class})
public class KeysCommand implements Runnable {
  @Override
  public void run() {
    System.err.println("holdfast keys: give a subcommand (create, list, revoke); see --help");
  }

  static void print(ApiKeyView k) {
    System.out.printf("%-40s %-8s %-30s %s last used %s%n", k.id(), k.state(), k.name(),
        String.join(",", k.scopes()), k.lastUsedAt() == null ? "never" : k.lastUsedAt());
  }

  @Command(name = "create", description = "Make a key with one or more scopes.")
  static class Create implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "who it is for, e.g. 'acme"
        + " 2026-12'")
    String name;

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
        description = "screen, ingest, intel, rules, metrics, holds, instructions, reports,"
            + " outreach or prevention; repeat for several")
    List<String> scopes;

    @Option(names = "--expires", paramLabel = "ISO-TIME",
        description = "when it stops working, e.g. 2027-06-30T00:00:00Z (default: never)")
    String expires;

    @Override
    public Integer call() {
      try (PeopleStore people = PeopleStore.open()) {
        PeopleOutcome<CreatedApiKey> outcome = people.keys.create(people.actor,
            new NewApiKey(name, scopes, expires));
        PeopleStore.value(outcome).ifPresent(k -> {
          System.out.println("id:     " + k.id());
          System.out.println("scopes: " + String.join(",", k.scopes()));
          System.out.println("secret: " + k.secret());
          System.err.println("The secret is shown this once; Holdfast keeps only a keyed hash.");
        });
        return PeopleStore.exitFor(outcome);
      }
    }
  }

  @Command(name = "list", description = "Every key, newest first, without secrets.")
  static class ListKeys implements Callable<Integer> {
    @Override
    public Integer call() {
      try (PeopleStore people = PeopleStore.open()) {
        people.keys.list().keys().forEach(KeysCommand::print);
        return 0;
      }
    }
  }

  @Command(name = "revoke", description = "Revoke a key at once.")
  static class Revoke implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY-ID")
    String keyId;

    @Override
    public Integer call() {
      try (PeopleStore people = PeopleStore.open()) {
        PeopleOutcome<ApiKeyView> outcome = people.keys.revoke(people.actor, keyId);
        PeopleStore.value(outcome).ifPresent(KeysCommand::print);
        return PeopleStore.exitFor(outcome);
      }
    }
  }
}
