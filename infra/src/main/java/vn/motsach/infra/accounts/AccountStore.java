package vn.motsach.infra.accounts;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import vn.motsach.infra.security.Role;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;

/** Accounts in PostgreSQL, each change stored with its audit entries and, when it matters, a new token version. */
final class AccountStore {

    private static final String COLUMNS = "username, password_hash, roles, school_id, authority_id, class_ids, enabled, token_version";
    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(rs.getString(1), rs.getString(2),
            strings(rs.getArray(3)).stream().map(Role::valueOf).collect(Collectors.toSet()), rs.getString(4), rs.getString(5),
            strings(rs.getArray(6)), rs.getBoolean(7), rs.getLong(8));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final AccountAudit audit;
    private final TokenVersions tokenVersions;

    AccountStore(JdbcClient jdbc, Clock clock, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.audit = new AccountAudit(jdbc, clock);
        this.tokenVersions = new TokenVersions(this::currentTokenVersion, clock);
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from accounts where username = ?").param(username).query(ACCOUNT).optional();
    }

    /** A page of accounts by name, of one school or ({@code null}) of every school. */
    Page<Account> page(String schoolId, Paging paging) {
        String where = schoolId == null ? "" : " where school_id = :school";
        List<Account> items = jdbc.sql("select " + COLUMNS + " from accounts" + where + " order by username limit :size offset :offset")
                .param("school", schoolId)
                .param("size", paging.size())
                .param("offset", paging.offset())
                .query(ACCOUNT).list();
        long total = jdbc.sql("select count(*) from accounts" + where).param("school", schoolId).query(Long.class).single();
        return paging.of(items, total);
    }

    boolean anySystemAdmin() {
        return jdbc.sql("select count(*) from accounts where 'SYSTEM_ADMIN' = any(roles) and enabled").query(Long.class).single() > 0;
    }

    /**
     * Stores the account as {@code actor} changed it, with an audit entry for each change. A
     * change of roles, school, authority, classes, password or whether it is enabled moves its
     * token version on, which ends the sessions it had.
     *
     * @return whether the account is new
     */
    boolean save(Account account, String actor) {
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            Account previous = jdbc.sql("select " + COLUMNS + " from accounts where username = ? for update")
                    .param(account.username()).query(ACCOUNT).optional().orElse(null);
            List<AccountAudit.Entry> changes = AccountAudit.changes(previous, account);
            long version = previous == null ? 0 : previous.tokenVersion() + (changes.isEmpty() ? 0 : 1);
            boolean inserted = upsert(account, version);
            audit.record(actor, account.username(), account.schoolId(), changes);
            return inserted;
        }));
        // after the commit: read before it, the old version would be remembered again
        tokenVersions.forget(account.username());
        return created;
    }

    /** Records sign-ins, and anything else about an account that is not a change to it. */
    void audit(String actor, String username, String schoolId, AccountAudit.Entry entry) {
        audit.record(actor, username, schoolId, List.of(entry));
    }

    AccountAudit audit() {
        return audit;
    }

    TokenVersions tokenVersions() {
        return tokenVersions;
    }

    private OptionalLong currentTokenVersion(String username) {
        return jdbc.sql("select token_version from accounts where username = ? and enabled").param(username).query(Long.class)
                .optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private boolean upsert(Account account, long tokenVersion) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into accounts (username, password_hash, roles, school_id, authority_id, class_ids, enabled,
                                              token_version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (username) do update set
                          password_hash = excluded.password_hash, roles = excluded.roles, school_id = excluded.school_id,
                          authority_id = excluded.authority_id, class_ids = excluded.class_ids, enabled = excluded.enabled,
                          token_version = excluded.token_version, updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .params(account.username(), account.passwordHash(),
                        account.roles().stream().map(Role::name).sorted().toArray(String[]::new), account.schoolId(),
                        account.authorityId(), account.classIds().stream().sorted().toArray(String[]::new), account.enabled(),
                        tokenVersion, now, now)
                .query(Boolean.class).single();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
