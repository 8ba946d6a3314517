package io.holdfast.server.people;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.PasswordPolicy;
import io.holdfast.server.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people who run the programme: created, listed, disabled, given roles and new passwords,
 * by an administrator through the API or by an operator with {@code holdfast users} on the
 * store itself. Users are never deleted (the audit log names them for good); a disabled user is
 * refused on their next call. Every change is one transaction with its audit row, written under
 * the user's row lock; a change that could leave no enabled administrator also locks every
 * administrator's row first, so two concurrent changes cannot both remove the last ones.
 */
public final class UserDirectory {
  public static final int PAGE_MAX = 500;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
  private static final String COLUMNS = "username, roles, enabled, created_at, created_by,"
      + " updated_at, password_changed_at";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final JsonMapper json;

  /** What the audit log keeps of a user's state: never a password or its hash. */
  private record UserState(List<String> roles, boolean enabled) {}

  public UserDirectory(JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder encoder,
      PasswordPolicy policy, AuditLog audit, Clock clock, JsonMapper json) {
    this.json = json;
    this.jdbc = jdbc;
    this.tx = tx;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Why {@link #create} would refuse {@code request} now, or empty when it would add the user;
   * writes nothing. The console asks this before it asks the person to confirm, so a weak
   * password or a taken name is said at once; {@link #create} checks again when it writes.
   */
  public Optional<PeopleFailure> refusal(NewUser request) {
    return invalid(request).or(() -> find(request.username()).map(taken ->
        duplicate(request.username())));
  }

  /**
   * Why {@link #update} would refuse {@code change} to {@code username} now, or empty when it
   * would make it; writes and locks nothing. {@link #update} checks again under its locks.
   */
  public Optional<PeopleFailure> refusal(String username, UserChange change) {
    Optional<PeopleFailure> invalid = invalid(username, change);
    if (invalid.isPresent()) {
      return invalid;
    }
    Optional<UserView> before = find(username);
    if (before.isEmpty()) {
      return Optional.of(notFound(username));
    }
    Set<Role> roles = change.roles() == null ? roles(before.get())
        : parseRoles(change.roles()).roles();
    boolean enabled = change.enabled() == null ? before.get().enabled() : change.enabled();
    long others = jdbc.sql("SELECT COUNT(*) FROM users WHERE enabled AND username <> :u"
            + " AND (',' || roles || ',') LIKE '%,ADMIN,%'")
        .param("u", username)
        .query(Long.class)
        .single();
    return losesAdmin(before.get(), roles, enabled) && others == 0
        ? Optional.of(lastAdmin(username)) : Optional.empty();
  }

  /** Adds a user; {@code actor} is who did it, as the audit log names callers. */
  public PeopleOutcome<UserView> create(String actor, NewUser request) {
    Optional<PeopleFailure> invalid = invalid(request);
    if (invalid.isPresent()) {
      return PeopleOutcome.refused(invalid.get());
    }
    Set<Role> roles = parseRoles(request.roles()).roles();
    String hash = encoder.encode(request.password());
    return tx.execute(status -> {
      Instant now = clock.instant();
      int inserted = jdbc.sql("""
              INSERT INTO users (username, password_hash, roles, enabled, created_at, created_by,
                password_changed_at)
              VALUES (:u, :hash, :roles, TRUE, :at, :by, :at)
              ON CONFLICT (username) DO NOTHING""")
          .param("u", request.username())
          .param("hash", hash)
          .param("roles", wire(roles))
          .param("at", Timestamp.from(now))
          .param("by", actor)
          .update();
      if (inserted == 0) {
        return PeopleOutcome.refused(duplicate(request.username()));
      }
      audit.record(actor, "user.created", "user", request.username(), null,
          state(roles, true), null);
      return PeopleOutcome.done(find(request.username()).orElseThrow());
    });
  }

  /** Users in username order after {@code after} (null from the start), at most {@code limit}. */
  public UserPage list(String after, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size %s out of bounds", limit);
    List<UserView> page = jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username > :after"
            + " ORDER BY username LIMIT :limit")
        .param("after", after == null ? "" : after)
        .param("limit", limit + 1)
        .query((rs, n) -> view(rs))
        .list();
    boolean more = page.size() > limit;
    List<UserView> users = more ? page.subList(0, limit) : page;
    return new UserPage(List.copyOf(users), more ? users.get(limit - 1).username() : null);
  }

  public Optional<UserView> find(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = :u")
        .param("u", username)
        .query((rs, n) -> view(rs))
        .optional();
  }

  /** Enables or disables a user, replaces their roles or sets a new password. */
  public PeopleOutcome<UserView> update(String actor, String username, UserChange change) {
    Optional<PeopleFailure> invalid = invalid(username, change);
    if (invalid.isPresent()) {
      return PeopleOutcome.refused(invalid.get());
    }
    ParsedRoles parsed = change.roles() == null ? null : parseRoles(change.roles());
    String hash = change.password() == null ? null : encoder.encode(change.password());
    return tx.execute(status -> {
      Optional<UserView> locked = lock(username);
      if (locked.isEmpty()) {
        return PeopleOutcome.refused(notFound(username));
      }
      UserView before = locked.get();
      Set<Role> roles = parsed == null ? roles(before) : parsed.roles();
      boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
      if (losesAdmin(before, roles, enabled) && otherEnabledAdmins(username) == 0) {
        status.setRollbackOnly();
        return PeopleOutcome.refused(lastAdmin(username));
      }
      write(username, roles, enabled, hash);
      auditChanges(actor, before, roles, enabled, hash != null);
      UserView after = find(username).orElseThrow();
      Invariants.check(after.enabled() == enabled && after.roles().equals(names(roles)),
          "user %s was written as asked", username);
      return PeopleOutcome.done(after);
    });
  }

  /** What is wrong with a new user's fields alone, before the store is asked. */
  private Optional<PeopleFailure> invalid(NewUser request) {
    return checkUsername(request.username())
        .or(() -> parseRoles(request.roles()).failure())
        .or(() -> checkPassword(request.password(), request.username()));
  }

  /** What is wrong with a change's fields alone, before the store is asked. */
  private Optional<PeopleFailure> invalid(String username, UserChange change) {
    if (change == null || change.empty()) {
      return Optional.of(new PeopleFailure.Invalid("body",
          "say what to change: enabled, roles or password"));
    }
    return Optional.ofNullable(change.roles() == null ? null : parseRoles(change.roles()))
        .flatMap(ParsedRoles::failure)
        .or(() -> change.password() == null ? Optional.empty()
            : checkPassword(change.password(), username));
  }

  private static PeopleFailure duplicate(String username) {
    return new PeopleFailure.Duplicate("username", "there is already a user '" + username
        + "'");
  }

  private static PeopleFailure notFound(String username) {
    return new PeopleFailure.NotFound("user " + username + " was not found");
  }

  private static PeopleFailure lastAdmin(String username) {
    return new PeopleFailure.LastAdmin(username + " is the last enabled administrator; make"
        + " another user an administrator first");
  }

  private Optional<UserView> lock(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = :u FOR UPDATE")
        .param("u", username)
        .query((rs, n) -> view(rs))
        .optional();
  }

  private static boolean losesAdmin(UserView before, Set<Role> roles, boolean enabled) {
    boolean was = before.enabled() && before.roles().contains(Role.ADMIN.name());
    return was && !(enabled && roles.contains(Role.ADMIN));
  }

  /** Locks every other enabled administrator's row and counts them. */
  private int otherEnabledAdmins(String username) {
    return jdbc.sql("""
            SELECT username FROM users
            WHERE enabled AND username <> :u AND (',' || roles || ',') LIKE '%,ADMIN,%'
            ORDER BY username FOR UPDATE""")
        .param("u", username)
        .query(String.class)
        .list()
        .size();
  }

  private void write(String username, Set<Role> roles, boolean enabled, String hash) {
    Instant now = clock.instant();
    String password = hash == null ? "" : ", password_hash = :hash, password_changed_at = :at";
    var statement = jdbc.sql("UPDATE users SET roles = :roles, enabled = :enabled,"
            + " updated_at = :at, version = version + 1" + password + " WHERE username = :u")
        .param("roles", wire(roles))
        .param("enabled", enabled)
        .param("at", Timestamp.from(now))
        .param("u", username);
    int updated = (hash == null ? statement : statement.param("hash", hash)).update();
    Invariants.check(updated == 1, "the locked user %s was updated once", username);
  }

  /** One audit row for each kind of change, so an auditor can search for each. */
  private void auditChanges(String actor, UserView before, Set<Role> roles, boolean enabled,
      boolean passwordSet) {
    String beforeState = state(roles(before), before.enabled());
    String afterState = state(roles, enabled);
    if (before.enabled() != enabled) {
      audit.record(actor, enabled ? "user.enabled" : "user.disabled", "user", before.username(),
          beforeState, afterState, null);
    }
    if (!roles(before).equals(roles)) {
      audit.record(actor, "user.roles_changed", "user", before.username(), beforeState,
          afterState, null);
    }
    if (passwordSet) {
      audit.record(actor, "user.password_set", "user", before.username(), null, null, null);
    }
  }

  private Optional<PeopleFailure> checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      return Optional.of(new PeopleFailure.Invalid("username", "a username is 3 to 64"
          + " characters: lower-case letters, digits and . _ @ -, starting with a letter or"
          + " digit"));
    }
    return Optional.empty();
  }

  private Optional<PeopleFailure> checkPassword(String password, String username) {
    return policy.weakness(password, username)
        .map(why -> new PeopleFailure.Invalid("password", why));
  }

  /** Roles as a client named them: at least one, each one Holdfast has. */
  record ParsedRoles(Set<Role> roles, Optional<PeopleFailure> failure) {}

  static ParsedRoles parseRoles(List<String> names) {
    if (names == null || names.isEmpty()) {
      return new ParsedRoles(Set.of(), Optional.of(new PeopleFailure.Invalid("roles",
          "give at least one role: " + allRoles())));
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      Optional<Role> role = Role.parse(name);
      if (role.isEmpty()) {
        return new ParsedRoles(Set.of(), Optional.of(new PeopleFailure.Invalid("roles",
            "'" + name + "' is not a role; the roles are " + allRoles())));
      }
      roles.add(role.get());
    }
    return new ParsedRoles(roles, Optional.empty());
  }

  private static String allRoles() {
    return Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
  }

  private static String wire(Set<Role> roles) {
    return String.join(",", names(roles));
  }

  private static List<String> names(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).toList();
  }

  private static Set<Role> roles(UserView user) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    user.roles().forEach(name -> Role.parse(name).ifPresent(roles::add));
    return roles;
  }

  private String state(Set<Role> roles, boolean enabled) {
    return json.writeValueAsString(new UserState(names(roles), enabled));
  }

  private static UserView view(ResultSet rs) throws SQLException {
    List<String> roles = new ArrayList<>();
    for (String name : rs.getString("roles").split(",")) {
      Role.parse(name).ifPresent(r -> roles.add(r.name()));
    }
    return new UserView(rs.getString("username"), List.copyOf(roles), rs.getBoolean("enabled"),
        instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
        instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("password_changed_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
