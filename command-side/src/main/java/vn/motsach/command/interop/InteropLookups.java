package vn.motsach.command.interop;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.Sharing;

/** What liên thông decisions read from their lookup tables; always inside the command's own transaction. */
@Component
class InteropLookups {

    private final JdbcClient jdbc;

    InteropLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the two schools are together in a group that lends. */
    boolean lendToEachOther(SchoolId one, SchoolId other) {
        return jdbc.sql("""
                        select exists (select 1 from cmd_interop_member a
                                       join cmd_interop_member b on b.group_id = a.group_id and b.school_id = ?
                                       where a.school_id = ? and a.sharing = ?)""")
                .params(other.value(), one.value(), Sharing.LENDING.name())
                .query(Boolean.class)
                .single();
    }

    /** The request's two schools, borrowing then lending. */
    Optional<Parties> partiesOf(InterlibraryLoanId request) {
        return jdbc.sql("select borrowing_school_id, lending_school_id from cmd_interlibrary_loan where request_id = ?")
                .param(request.value())
                .query((rs, row) -> new Parties(SchoolId.of(rs.getString(1)), SchoolId.of(rs.getString(2))))
                .optional();
    }

    record Parties(SchoolId borrowing, SchoolId lending) {

        boolean include(SchoolId school) {
            return borrowing.equals(school) || lending.equals(school);
        }
    }

}
