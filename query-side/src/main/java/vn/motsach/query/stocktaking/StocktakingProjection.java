package vn.motsach.query.stocktaking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.Barcode;
import vn.motsach.events.stocktake.CopiesScanned;
import vn.motsach.events.stocktake.StocktakeClosed;
import vn.motsach.events.stocktake.StocktakeResult;
import vn.motsach.events.stocktake.StocktakeStarted;
import vn.motsach.query.EventPosition;

/**
 * Stocktakes and their scans. A scan is a row of its own keyed by its barcode, and a stocktake's
 * row applies only over an older position, so an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(StocktakingProjection.NAME)
class StocktakingProjection {

    static final String NAME = "stocktaking";

    private final JdbcClient jdbc;

    StocktakingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StocktakeStarted event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_stocktake (school_id, stocktake_id, name, doc_types, classification_prefix, started_at,
                                                  last_position)
                        values (:school, :id, :name, :types, :prefix, :at, :position)
                        on conflict (school_id, stocktake_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("id", event.stocktakeId().value())
                .param("name", event.name())
                .param("types", event.scope().docTypes().stream().map(Enum::name).toArray(String[]::new))
                .param("prefix", event.scope().classificationPrefix())
                .param("at", OffsetDateTime.ofInstant(event.startedAt(), ZoneOffset.UTC))
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(CopiesScanned event) {
        scans(event, event.barcodes(), true);
        scans(event, event.unknown(), false);
    }

    /** The close, with what it found when the close carried it (see V19): a closed stocktake is read from it. */
    @EventHandler
    void on(StocktakeClosed event, TrackingToken token) {
        StocktakeResult findings = event.findings();
        jdbc.sql("""
                        update qs_stocktake set closed_at = :at, expected = :expected, missing_marked_lost = :marked,
                          last_position = :position
                        where school_id = :school and stocktake_id = :id and last_position < :position""")
                .param("school", event.schoolId().value())
                .param("id", event.stocktakeId().value())
                .param("at", OffsetDateTime.ofInstant(event.closedAt(), ZoneOffset.UTC))
                .param("expected", findings == null ? null : findings.expected())
                .param("marked", event.missingMarkedLost())
                .param("position", EventPosition.of(token))
                .update();
        if (findings != null) {
            findings(event, findings.missing(), "MISSING");
            findings(event, findings.onLoan(), "ON_LOAN");
            findings(event, findings.outOfScope(), "OUT_OF_SCOPE");
            findings(event, findings.notInCirculation(), "NOT_IN_CIRCULATION");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_stocktake, qs_stocktake_scan, qs_stocktake_finding").update();
    }

    private void findings(StocktakeClosed event, List<Barcode> barcodes, String finding) {
        if (barcodes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into qs_stocktake_finding (school_id, stocktake_id, barcode, finding)
                        select :school, :id, barcode, :finding from unnest(:barcodes) as barcode
                        on conflict do nothing""")
                .param("school", event.schoolId().value())
                .param("id", event.stocktakeId().value())
                .param("finding", finding)
                .param("barcodes", barcodes.stream().map(Barcode::value).toArray(String[]::new))
                .update();
    }

    private void scans(CopiesScanned event, List<Barcode> barcodes, boolean known) {
        if (barcodes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into qs_stocktake_scan (school_id, stocktake_id, barcode, known, scanned_at)
                        select :school, :id, barcode, :known, :at from unnest(:barcodes) as barcode
                        on conflict do nothing""")
                .param("school", event.schoolId().value())
                .param("id", event.stocktakeId().value())
                .param("known", known)
                .param("at", OffsetDateTime.ofInstant(event.scannedAt(), ZoneOffset.UTC))
                .param("barcodes", barcodes.stream().map(Barcode::value).toArray(String[]::new))
                .update();
    }
}
