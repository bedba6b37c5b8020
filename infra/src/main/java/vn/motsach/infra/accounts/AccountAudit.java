package vn.motsach.infra.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.infra.security.Role;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;

/**
 * The accounts' audit trail: creations, changes and sign-ins, who made them and when. Account
 * changes are not events of the event store (accounts are not part of the domain), so they are
 * kept here, each entry written in the transaction of the change it records. A password is never
 * recorded, only that it changed.
 */
final class AccountAudit {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Type {
        ACCOUNT_CREATED,
        ROLES_CHANGED,
        /** its school, authority or classes */
        SCOPE_CHANGED,
        PASSWORD_CHANGED,
        ACCOUNT_DISABLED,
        ACCOUNT_ENABLED,
        SIGNED_IN,
        SIGN_IN_REFUSED
    }

    /** Why a sign-in was refused. */
    enum Refusal {
        UNKNOWN_ACCOUNT,
        WRONG_PASSWORD,
        ACCOUNT_DISABLED
    }

    record Entry(Type type, Map<String, Object> details) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What saving {@code next} over {@code previous} changes, in the order it is recorded; empty
     * when nothing that matters changed. Any change but a creation ends the account's tokens.
     */
    static List<Entry> changes(Account previous, Account next) {
        List<Entry> entries = new ArrayList<>();
        if (previous == null) {
            entries.add(new Entry(Type.ACCOUNT_CREATED, scope(next, Map.of("roles", sorted(next), "enabled", next.enabled()))));
            return entries;
        }
        if (!previous.roles().equals(next.roles())) {
            entries.add(new Entry(Type.ROLES_CHANGED, Map.of("roles", sorted(next), "previousRoles", sorted(previous))));
        }
        if (!Objects.equals(previous.schoolId(), next.schoolId()) || !Objects.equals(previous.authorityId(), next.authorityId())
                || !previous.classIds().equals(next.classIds())) {
            entries.add(new Entry(Type.SCOPE_CHANGED, scope(next, Map.of())));
        }
        if (!previous.passwordHash().equals(next.passwordHash())) {
            entries.add(new Entry(Type.PASSWORD_CHANGED, Map.of()));
        }
        if (previous.enabled() != next.enabled()) {
            entries.add(new Entry(next.enabled() ? Type.ACCOUNT_ENABLED : Type.ACCOUNT_DISABLED, Map.of()));
        }
        return entries;
    }

    static Entry signedIn(String address) {
        return new Entry(Type.SIGNED_IN, Map.of("address", address));
    }

    static Entry refused(Refusal reason, String address) {
        return new Entry(Type.SIGN_IN_REFUSED, Map.of("reason", reason.name(), "address", address));
    }

    /** Records entries about one account, in the caller's transaction when there is one. */
    void record(String actor, String username, String schoolId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Entry entry : entries) {
            jdbc.sql("""
                            insert into account_audit (occurred_at, type, actor, username, school_id, details)
                            values (?, ?, ?, ?, ?, ?::jsonb)""")
                    .params(now, entry.type().name(), actor, username, schoolId, JSON.writeValueAsString(entry.details()))
                    .update();
        }
    }

    /**
     * A page of entries, newest first.
     *
     * @param schoolId only this school's accounts' entries; {@code null}: every account's
     * @param from first day, in the schools' time zone, or {@code null}
     * @param to last day, or {@code null}
     */
    Page<AccountAuditEntry> read(String schoolId, Type type, String actor, LocalDate from, LocalDate to, Paging paging) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (schoolId != null) {
            where.append(" and school_id = :school");
            params.put("school", schoolId);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type.name());
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(from.atStartOfDay(SCHOOL_ZONE).toInstant()));
        }
        if (to != null) {
            where.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(SCHOOL_ZONE).toInstant()));
        }
        List<AccountAuditEntry> items = jdbc.sql("select occurred_at, type, actor, username, school_id, details::text from account_audit"
                        + where + " order by id desc limit :size offset :offset")
                .params(params)
                .param("size", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> new AccountAuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), JSON.readTree(rs.getString(6))))
                .list();
        long total = jdbc.sql("select count(*) from account_audit" + where).params(params).query(Long.class).single();
        return paging.of(items, total);
    }

    private static List<String> sorted(Account account) {
        return account.roles().stream().map(Role::name).sorted().toList();
    }

    private static Map<String, Object> scope(Account account, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>(more);
        if (account.schoolId() != null) {
            details.put("schoolId", account.schoolId());
        }
        if (account.authorityId() != null) {
            details.put("authorityId", account.authorityId());
        }
        details.put("classIds", account.classIds().stream().sorted().toList());
        return details;
    }

    /** An entry as the audit trail shows it. */
    record AccountAuditEntry(Instant occurredAt, String type, String actor, String username, String schoolId, JsonNode details) {
    }
}
