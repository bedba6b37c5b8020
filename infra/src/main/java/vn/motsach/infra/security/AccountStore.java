package vn.motsach.infra.security;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts in PostgreSQL. */
final class AccountStore {

    private static final String COLUMNS = "username, password_hash, roles, school_id, authority_id, class_ids, enabled";
    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(rs.getString(1), rs.getString(2),
            strings(rs.getArray(3)).stream().map(Role::valueOf).collect(Collectors.toSet()), rs.getString(4), rs.getString(5),
            strings(rs.getArray(6)), rs.getBoolean(7));

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from accounts where username = ?").param(username).query(ACCOUNT).optional();
    }

    List<Account> all(String schoolId) {
        return schoolId == null
                ? jdbc.sql("select " + COLUMNS + " from accounts order by username").query(ACCOUNT).list()
                : jdbc.sql("select " + COLUMNS + " from accounts where school_id = ? order by username").param(schoolId)
                        .query(ACCOUNT).list();
    }

    boolean anySystemAdmin() {
        return jdbc.sql("select count(*) from accounts where 'SYSTEM_ADMIN' = any(roles) and enabled").query(Long.class).single() > 0;
    }

    /** @return whether the account is new */
    boolean save(Account account) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into accounts (username, password_hash, roles, school_id, authority_id, class_ids, enabled,
                                              created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (username) do update set
                          password_hash = excluded.password_hash, roles = excluded.roles, school_id = excluded.school_id,
                          authority_id = excluded.authority_id, class_ids = excluded.class_ids, enabled = excluded.enabled,
                          updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .params(account.username(), account.passwordHash(),
                        account.roles().stream().map(Role::name).sorted().toArray(String[]::new), account.schoolId(),
                        account.authorityId(), account.classIds().stream().sorted().toArray(String[]::new), account.enabled(),
                        now, now)
                .query(Boolean.class).single();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
