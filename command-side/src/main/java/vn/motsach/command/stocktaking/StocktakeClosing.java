package vn.motsach.command.stocktaking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CirculationLookups;
import vn.motsach.command.circulation.CirculationLookups.StocktakeCopy;
import vn.motsach.command.circulation.CopyLosses;
import vn.motsach.command.stocktaking.StocktakingCommands.CloseStocktake;
import vn.motsach.events.Barcode;
import vn.motsach.events.stocktake.StocktakeResult;

/**
 * The close of a stocktake: what it found is judged against the copies as they are at that
 * moment and recorded with the close, so that later withdrawals, losses or loans never change a
 * closed stocktake's findings. Asked to, it reports each missing copy lost in the same unit of
 * work: the copies leave circulation with the close, or nothing happens at all.
 */
@Component
class StocktakeClosing {

    private final Repository<Stocktake> stocktakes;
    private final CirculationLookups copies;
    private final CopyLosses losses;

    StocktakeClosing(Repository<Stocktake> stocktakes, CirculationLookups copies, CopyLosses losses) {
        this.stocktakes = stocktakes;
        this.copies = copies;
        this.losses = losses;
    }

    @CommandHandler
    StocktakeResult handle(CloseStocktake command) {
        Aggregate<Stocktake> aggregate = stocktakes.load(Stocktake.aggregateId(command.schoolId(), command.stocktakeId()));
        Stocktake stocktake = aggregate.invoke(s -> s);
        stocktake.refuseWhenClosed();
        StocktakeResult findings = judge(copies.copiesForStocktake(command.schoolId(), stocktake.scope(), stocktake.startedAt()),
                stocktake.scanned());
        if (command.markMissingAsLost()) {
            String note = "Không tìm thấy khi kiểm kê: " + stocktake.name();
            findings.missing().forEach(barcode -> losses.reportLost(command.schoolId(), barcode, note));
        }
        aggregate.execute(s -> s.close(command.at(), findings, command.markMissingAsLost()));
        return findings;
    }

    /**
     * Expected: the copies in scope and in circulation. Of those not scanned, the ones that
     * circulated during the stocktake are kept apart from the missing; a copy scanned but not
     * expected is out of scope, or out of circulation (withdrawn or lost).
     */
    static StocktakeResult judge(List<StocktakeCopy> all, Set<Barcode> scanned) {
        int expected = 0;
        List<Barcode> missing = new ArrayList<>();
        List<Barcode> onLoan = new ArrayList<>();
        List<Barcode> outOfScope = new ArrayList<>();
        List<Barcode> notInCirculation = new ArrayList<>();
        for (StocktakeCopy copy : all) {
            boolean found = scanned.contains(copy.barcode());
            if (copy.inScope() && copy.inCirculation()) {
                expected++;
                if (!found) {
                    (copy.circulated() ? onLoan : missing).add(copy.barcode());
                }
            } else if (found) {
                (copy.inCirculation() ? outOfScope : notInCirculation).add(copy.barcode());
            }
        }
        return new StocktakeResult(expected, missing, onLoan, outOfScope, notInCirculation);
    }
}
