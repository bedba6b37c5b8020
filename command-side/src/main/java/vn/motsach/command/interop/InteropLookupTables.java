package vn.motsach.command.interop;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.InteropGroupChanged;
import vn.motsach.events.interop.InteropGroupEvent;
import vn.motsach.events.interop.InteropGroupFormed;
import vn.motsach.events.interop.InterlibraryLoanRequested;

/** Keeps the lookup tables of liên thông (groups' members, requests' schools) in step with their events. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class InteropLookupTables {

    private final JdbcClient jdbc;

    InteropLookupTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InteropGroupFormed event) {
        members(event);
    }

    @EventHandler
    void on(InteropGroupChanged event) {
        members(event);
    }

    @EventHandler
    void on(InterlibraryLoanRequested event) {
        jdbc.sql("insert into cmd_interlibrary_loan (request_id, borrowing_school_id, lending_school_id) values (?, ?, ?)")
                .params(event.requestId().value(), event.schoolId().value(), event.lendingSchoolId().value())
                .update();
    }

    private void members(InteropGroupEvent event) {
        jdbc.sql("delete from cmd_interop_member where group_id = ?").param(event.groupId().value()).update();
        jdbc.sql("insert into cmd_interop_member (group_id, school_id, sharing) select ?, unnest(?::varchar[]), ?")
                .params(event.groupId().value(), event.schoolIds().stream().map(SchoolId::value).toArray(String[]::new),
                        event.sharing().name())
                .update();
    }
}
