package vn.motsach.command.imports.rollover;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.imports.ImportFormat;
import vn.motsach.command.imports.ImportJob;
import vn.motsach.command.imports.ImportKind;
import vn.motsach.command.imports.ImportProcess;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.UnreadableFile;
import vn.motsach.command.patrons.PatronLookups;

/** The year's rollover as a job: its plan, written when it was asked for, applied a batch of steps at a time. */
@Component
class RolloverProcess implements ImportProcess<RolloverStep> {

    private final JsonMapper json;
    private final PatronLookups lookups;

    RolloverProcess(JsonMapper json, PatronLookups lookups) {
        this.json = json;
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ROLLOVER;
    }

    @Override
    public void read(ImportFormat format, InputStream in, Consumer<SourceRecord<RolloverStep>> each) {
        RolloverPlan plan;
        try {
            plan = json.readValue(in, RolloverPlan.class);
        } catch (JacksonException e) {
            throw new UnreadableFile("IMPORT_FAILED", 0);
        }
        int number = 0;
        for (RolloverPlan.Step step : plan.steps()) {
            number++;
            each.accept(new SourceRecord<>(number, null, null, step.words(), new RolloverStep(plan, step)));
        }
    }

    @Override
    public Applier<RolloverStep> applier(ImportJob job) {
        return new RolloverApplier(job, lookups);
    }

    /** Plans are written by {@link RolloverPlans}; the year's first day is the one the plan names. */
    static LocalDate startsOn(RolloverPlan plan) {
        return LocalDate.parse(plan.startsOn());
    }
}
