package vn.motsach.command.authorities;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.authority.AuthorityDetailsChanged;
import vn.motsach.events.authority.AuthorityKind;
import vn.motsach.events.authority.AuthorityRegistered;

/**
 * Keeps the platform's {@code authority_tree} in step with the tree's events, in their
 * transaction: every side reads it to let an authority see what lies below it.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class AuthorityTreeTable {

    private final JdbcClient jdbc;

    AuthorityTreeTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuthorityRegistered event) {
        upsert(event.authorityId(), event.name(), event.kind(), event.parentId());
    }

    @EventHandler
    void on(AuthorityDetailsChanged event) {
        upsert(event.authorityId(), event.name(), event.kind(), event.parentId());
    }

    private void upsert(AuthorityId authority, String name, AuthorityKind kind, AuthorityId parent) {
        jdbc.sql("""
                        insert into authority_tree (authority_id, name, kind, parent_id) values (?, ?, ?, ?)
                        on conflict (authority_id) do update
                        set name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id""")
                .params(authority.value(), name, kind.name(), parent == null ? null : parent.value())
                .update();
    }
}
