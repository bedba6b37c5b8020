package vn.motsach.command.stocktaking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.circulation.CirculationLookups;
import vn.motsach.command.stocktaking.StocktakingCommands.ScanCopies;
import vn.motsach.command.stocktaking.StocktakingCommands.ScanResult;
import vn.motsach.command.stocktaking.StocktakingCommands.StartStocktake;
import vn.motsach.events.Barcode;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;
import vn.motsach.events.stocktake.CopiesScanned;
import vn.motsach.events.stocktake.StocktakeClosed;
import vn.motsach.events.stocktake.StocktakeResult;
import vn.motsach.events.stocktake.StocktakeScope;
import vn.motsach.events.stocktake.StocktakeStarted;

/**
 * A stocktake: the copies found on the shelves, each counted once, until it is closed. Circulation
 * goes on meanwhile, so what is missing is judged only at the close ({@link StocktakeClosing}),
 * against the copies as they are then; while it is open the query side judges it when asked.
 */
@Aggregate
class Stocktake {

    @AggregateIdentifier
    private String id;
    private SchoolId schoolId;
    private StocktakeId stocktakeId;
    private String name;
    private StocktakeScope scope;
    private Instant startedAt;
    private boolean closed;
    private final Set<Barcode> scanned = new HashSet<>();
    private final Set<Barcode> unknown = new HashSet<>();

    Stocktake() {
        // for Axon
    }

    static String aggregateId(SchoolId school, StocktakeId stocktake) {
        return "stocktake:" + school.value() + ":" + stocktake;
    }

    @CommandHandler
    Stocktake(StartStocktake command) {
        apply(new StocktakeStarted(command.schoolId(), command.stocktakeId(), command.name(), command.scope(), command.at()));
    }

    @CommandHandler
    ScanResult handle(ScanCopies command, CirculationLookups catalogue) {
        refuseWhenClosed();
        Set<Barcode> copies = catalogue.copiesAmong(schoolId, command.barcodes());
        Set<Barcode> seen = new HashSet<>(scanned);
        List<Barcode> found = new ArrayList<>();
        List<Barcode> newlyUnknown = new ArrayList<>();
        List<String> unknownNow = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (Barcode barcode : command.barcodes()) {
            if (!copies.contains(barcode)) {
                if (!unknown.contains(barcode) && !newlyUnknown.contains(barcode)) {
                    newlyUnknown.add(barcode);
                }
                unknownNow.add(barcode.value());
            } else if (!seen.add(barcode)) {
                again.add(barcode.value());
            } else {
                found.add(barcode);
            }
        }
        if (!found.isEmpty() || !newlyUnknown.isEmpty()) {
            apply(new CopiesScanned(schoolId, stocktakeId, command.at(), found, newlyUnknown));
        }
        return new ScanResult(found.size(), unknownNow, again);
    }

    /** Ends the stocktake with what the close found, which {@link StocktakeClosing} judged. */
    void close(Instant at, StocktakeResult findings, boolean missingMarkedLost) {
        refuseWhenClosed();
        apply(new StocktakeClosed(schoolId, stocktakeId, at, findings, missingMarkedLost));
    }

    String name() {
        return name;
    }

    StocktakeScope scope() {
        return scope;
    }

    Instant startedAt() {
        return startedAt;
    }

    Set<Barcode> scanned() {
        return Set.copyOf(scanned);
    }

    void refuseWhenClosed() {
        if (closed) {
            throw new Refused(RefusalCode.STOCKTAKE_CLOSED, stocktakeId);
        }
    }

    @EventSourcingHandler
    void on(StocktakeStarted event) {
        id = aggregateId(event.schoolId(), event.stocktakeId());
        schoolId = event.schoolId();
        stocktakeId = event.stocktakeId();
        name = event.name();
        scope = event.scope();
        startedAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(CopiesScanned event) {
        scanned.addAll(event.barcodes());
        unknown.addAll(event.unknown());
    }

    @EventSourcingHandler
    void on(StocktakeClosed event) {
        closed = true;
    }
}
