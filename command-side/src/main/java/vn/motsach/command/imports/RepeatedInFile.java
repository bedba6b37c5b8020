package vn.motsach.command.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule for a file that names one patron, class or copy on two records: the first record
 * naming it is the one taken, and a later one is rejected with the claim's code, naming where
 * the first one is (its row in a workbook, its number in a MARC file), so the librarian can
 * choose between them. The job sees every record of its file in order, those a resumed job had
 * applied before included, so the same record is the first whichever batch, run or dry run.
 */
final class RepeatedInFile {

    /** Where each value claimed was claimed first, by code and value. */
    private final Map<String, Integer> first = new HashMap<>();

    /** The issue rejecting {@code record} when it names what an earlier record named; otherwise its claims are taken. */
    Optional<ImportIssue> check(SourceRecord<?> record, List<ImportProcess.Claim> claims) {
        for (ImportProcess.Claim claim : claims) {
            Integer where = first.get(key(claim));
            if (where != null) {
                return Optional.of(ImportIssue.error(record, claim.field(), claim.code(), claim.value(), where));
            }
        }
        int here = record.row() != null ? record.row() : record.number();
        claims.forEach(claim -> first.putIfAbsent(key(claim), here));
        return Optional.empty();
    }

    private static String key(ImportProcess.Claim claim) {
        return claim.code() + '\u0000' + claim.value();
    }
}
