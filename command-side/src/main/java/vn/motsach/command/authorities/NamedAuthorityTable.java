package vn.motsach.command.authorities;

import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.events.school.Supervision;

/**
 * The authorities schools name as theirs, in any school year, kept with the schools' events in
 * their transaction. A school may name an authority before the tree holds it; the tree asks here
 * so that an authority's administrator cannot add such an authority below their own and so
 * reach schools that never chose them. Both the naming and the asking hold one advisory lock
 * until their transaction ends, so a school naming an authority while the tree is asked is seen
 * by the tree, or names an authority already placed. One lock for every authority, not one each:
 * a school moving from one authority to another names both in one transaction, and two schools
 * moving the opposite ways would each hold one lock and wait for the other's. Schools and
 * authorities are named a few times a year.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class NamedAuthorityTable implements NamedAuthorities {

    /** The advisory lock on naming authorities (the idempotency keys' locks use other keys). */
    private static final long NAMING_LOCK = 0x6e616d696e67L;

    private final JdbcClient jdbc;

    NamedAuthorityTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean namedBySchools(AuthorityId authority) {
        lock();
        return jdbc.sql("select exists (select 1 from cmd_named_authority where authority_id = ?)")
                .param(authority.value()).query(Boolean.class).single();
    }

    @EventHandler
    void on(SchoolRegistered event) {
        remember(event.schoolId(), Stream.of(event.authorityId()));
    }

    @EventHandler
    void on(SchoolDetailsChanged event) {
        remember(event.schoolId(), Stream.of(event.authorityId()));
    }

    @EventHandler
    void on(SchoolSupervisionChanged event) {
        remember(event.schoolId(), event.supervisions().stream().map(Supervision::authorityId));
    }

    /** Kept once named: a past year's reports stay with the authority the school had then. */
    void remember(SchoolId school, Stream<AuthorityId> authorities) {
        authorities.filter(authority -> authority != null).distinct()
                .forEach(authority -> {
                    lock();
                    jdbc.sql("""
                                    insert into cmd_named_authority (authority_id, school_id) values (?, ?)
                                    on conflict do nothing""")
                            .params(authority.value(), school.value())
                            .update();
                });
    }

    /** Held until the transaction ends; taken again by the same transaction, it is already held. */
    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(NAMING_LOCK).query((rs, row) -> true).single();
    }
}
