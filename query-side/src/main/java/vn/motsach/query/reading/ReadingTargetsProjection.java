package vn.motsach.query.reading;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.reading.ReadingTargetRemoved;
import vn.motsach.events.reading.ReadingTargetSet;
import vn.motsach.query.EventPosition;

/**
 * The reading targets each school follows, the latest setting of each, for the documents that
 * report on them (the semester report). Analytics keeps them too, joined with its live metrics
 * for the current period; a report on a semester already over reads them here. A removed target
 * is deleted; a change applies only over an older one, so an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(ReadingTargetsProjection.NAME)
class ReadingTargetsProjection {

    static final String NAME = "reading-targets";

    private final JdbcClient jdbc;

    ReadingTargetsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReadingTargetSet event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_reading_target as t (school_id, target_id, metric, scope, scope_id, period, threshold,
                                                            last_position)
                        values (:school, :target, :metric, :scope, :scope_id, :period, :threshold, :position)
                        on conflict (school_id, target_id) do update set
                          metric = excluded.metric, scope = excluded.scope, scope_id = excluded.scope_id,
                          period = excluded.period, threshold = excluded.threshold, last_position = excluded.last_position
                        where t.last_position < excluded.last_position""")
                .param("school", event.schoolId().value())
                .param("target", event.targetId())
                .param("metric", event.metric().name())
                .param("scope", event.scope().name())
                .param("scope_id", event.scopeId())
                .param("period", event.period().name())
                .param("threshold", event.threshold())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(ReadingTargetRemoved event, TrackingToken token) {
        jdbc.sql("delete from qs_reading_target where school_id = :school and target_id = :target and last_position < :position")
                .param("school", event.schoolId().value())
                .param("target", event.targetId())
                .param("position", EventPosition.of(token))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_reading_target").update();
    }
}
