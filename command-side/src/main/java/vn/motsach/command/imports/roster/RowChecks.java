package vn.motsach.command.imports.roster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.motsach.command.imports.ImportIssue;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.events.LocalId;

/**
 * A roster row's fields checked as the single request checks them: an id or a text the row
 * cannot go in without rejects it (an error), a field it can do without is dropped (a warning).
 */
final class RowChecks {

    private final SourceRecord<?> source;
    private final List<ImportIssue> issues = new ArrayList<>();

    RowChecks(SourceRecord<?> source) {
        this.source = source;
    }

    /** An id of the school's own (a patron's, a class's) that the row needs. */
    String id(String field, String written, String code) {
        if (written == null || !LocalId.FORMAT.matcher(written).matches()) {
            issues.add(ImportIssue.error(source, field, code, written == null ? "" : written));
            return null;
        }
        return written;
    }

    /** An id the row can go in without: dropped with a warning when it is not one. */
    String optionalId(String field, String written, String code) {
        if (written == null) {
            return null;
        }
        if (!LocalId.FORMAT.matcher(written).matches()) {
            issues.add(ImportIssue.warning(source, field, code, written));
            return null;
        }
        return written;
    }

    /** A text the row needs, NFC-normalised. */
    String text(String field, String written, int maxLength, String missingCode) {
        if (written == null) {
            issues.add(ImportIssue.error(source, field, missingCode));
            return null;
        }
        String text = Normalizer.normalize(written, Normalizer.Form.NFC);
        if (text.length() > maxLength) {
            issues.add(ImportIssue.error(source, field, "TEXT_TOO_LONG", maxLength));
            return null;
        }
        return text;
    }

    /** What the row goes in with but the librarian should look at (a field dropped, or one to check). */
    void warning(String field, String code, Object... arguments) {
        issues.add(ImportIssue.warning(source, field, code, arguments));
    }

    void error(String field, String code, Object... arguments) {
        issues.add(ImportIssue.error(source, field, code, arguments));
    }

    boolean rejected() {
        return issues.stream().anyMatch(issue -> issue.severity() == ImportIssue.Severity.ERROR);
    }

    List<ImportIssue> issues() {
        return issues;
    }
}
