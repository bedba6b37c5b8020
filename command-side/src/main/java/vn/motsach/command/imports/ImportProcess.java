package vn.motsach.command.imports;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One kind of import, plugged into the job engine ({@link ImportRunner}): a reader that turns a
 * file of a format into records, and an applier that turns records into the commands the single
 * requests send. The engine reads the file twice (once to count and check it, once to apply it)
 * so a reader must give the same records in the same order each time.
 */
public interface ImportProcess<T> {

    ImportKind kind();

    /** Gives every record of the file to {@code each}, in order; a file it cannot read throws {@link UnreadableFile}. */
    void read(ImportFormat format, InputStream in, Consumer<SourceRecord<T>> each);

    /**
     * How many records the file holds, reading all of it as {@link #read} does (a file it cannot read
     * throws {@link UnreadableFile}); {@code eachRecord} runs for each. A reader whose records cost
     * more to map than to read may count without mapping them.
     */
    default int count(ImportFormat format, InputStream in, Runnable eachRecord) {
        int[] count = {0};
        read(format, in, record -> {
            eachRecord.run();
            count[0]++;
        });
        return count[0];
    }

    /**
     * An applier for the records of {@code job}, starting from where the job's progress stands.
     * A real run asks for a new one per batch (what it applied is in the database by then); a dry
     * run keeps one for the whole file, so that it remembers what the records before would have made.
     */
    Applier<T> applier(ImportJob job);

    /**
     * What {@code record} names that no later record of the same file may name again (a patron's
     * id, a copy's barcode): a file naming one twice says two things of it, and only the first is
     * taken (see {@link RepeatedInFile}). None by default.
     */
    default List<Claim> claims(T record) {
        return List.of();
    }

    /**
     * The column an issue's {@code field} (the API's name of it) is about, as the librarian's file
     * names it: the template's header (in English when {@code english}), or a MARC tag and
     * subfield; empty when the field is none of the file's columns.
     */
    default Optional<String> fieldLabel(ImportFormat format, String field, boolean english) {
        return Optional.empty();
    }

    /** A value a record names ({@code field} as the issues name it), and the code refusing a later record naming it again. */
    record Claim(String field, String value, String code) {
    }

    interface Applier<T> {

        /** Decides each record in order and sends its commands through {@code commands} (none in a dry run). */
        List<RecordOutcome> apply(List<SourceRecord<T>> records, ImportCommands commands);

        /** The job's counter of barcodes made from the prefix, once the records applied so far used theirs. */
        int nextGenerated();
    }

    /** What one record came to, and what was dropped from it or why it was refused. */
    record RecordOutcome(Result result, List<ImportIssue> issues) {

        public enum Result {
            CREATED,
            UPDATED,
            UNCHANGED,
            REJECTED
        }

        public RecordOutcome {
            issues = List.copyOf(issues);
        }
    }
}
