package vn.motsach.command.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The new rows of the lookup tables, inserted once the unit of work's events have all been handled:
 * one JDBC batch per statement (pgjdbc sends it in one round trip) rather than a round trip a row,
 * still in the transaction that stores the events. An import's batch of records stores hundreds of
 * titles and copies in one unit of work. Only for a row no later event of the same unit of work
 * changes, a title's or a copy's first row, unless the handler of that later event {@link #flush()}es first.
 */
@Component
public class LookupInserts {

    private static final String QUEUED = LookupInserts.class.getName();

    private final JdbcTemplate jdbc;

    LookupInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String sql, Object... values) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, values);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, List<Object[]>> queued = unitOfWork.getOrComputeResource(QUEUED, key -> {
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(done -> rows.forEach(jdbc::batchUpdate));
            return rows;
        });
        queued.computeIfAbsent(sql, statement -> new ArrayList<>()).add(values);
    }

    /**
     * Inserts the rows queued so far now, for a handler about to change a row the same unit of work
     * may have queued: an import records a copy lost or withdrawn in the unit of work that accessions it.
     */
    public void flush() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, List<Object[]>> queued = CurrentUnitOfWork.get().getResource(QUEUED);
        if (queued != null && !queued.isEmpty()) {
            queued.forEach(jdbc::batchUpdate);
            queued.clear();
        }
    }
}
