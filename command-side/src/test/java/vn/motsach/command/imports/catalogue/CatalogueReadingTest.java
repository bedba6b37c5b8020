package vn.motsach.command.imports.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;

/** How titles are folded for matching, MARC's punctuation taken off, and copies' statuses read. */
class CatalogueReadingTest {

    @Test
    void titlesAreComparedWithoutCaseDiacriticsOrPunctuation() {
        assertThat(TitleMatches.fold("Đường  về, quê.")).isEqualTo("duong ve que");
        assertThat(TitleMatches.fold(Normalizer.normalize("DẾ MÈN phiêu lưu ký", Normalizer.Form.NFD)))
                .isEqualTo(TitleMatches.fold("Dế Mèn Phiêu Lưu Ký"));
        assertThat(TitleMatches.key("Tắt đèn", "Ngô Tất Tố", 1939)).isEqualTo("tat den|ngo tat to|1939");
        assertThat(TitleMatches.key("Tắt đèn", null, null)).isEqualTo("tat den||");
    }

    @Test
    void isbdPunctuationEndingAFieldIsTakenOff() {
        assertThat(MarcCatalogue.trimmed("Dế Mèn phiêu lưu ký /")).isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(MarcCatalogue.trimmed("Truyện :")).isEqualTo("Truyện");
        assertThat(MarcCatalogue.trimmed("Tô Hoài,")).isEqualTo("Tô Hoài");
        assertThat(MarcCatalogue.trimmed("Lão Hạc.")).isEqualTo("Lão Hạc");
        assertThat(MarcCatalogue.trimmed("Vân vân...")).isEqualTo("Vân vân...");
        assertThat(MarcCatalogue.trimmed(" / ")).isNull();
    }

    /** A negative year is out of range (YEAR_TOO_OLD) however its sign is written, never read as the year of its digits. */
    @Test
    void aYearBelowZeroIsBefore1000WhateverItsSign() {
        assertThat(CatalogueApplier.earlyYear("-2020")).isTrue();
        assertThat(CatalogueApplier.earlyYear(" \u22122020 ")).isTrue();
        assertThat(CatalogueApplier.earlyYear("\u20132020")).isTrue();
        assertThat(CatalogueApplier.earlyYear("- 2020")).isTrue();
        assertThat(CatalogueApplier.earlyYear("-2020.0")).isTrue();
        assertThat(CatalogueApplier.earlyYear("950")).isTrue();
        assertThat(CatalogueApplier.earlyYear("2020")).isFalse();
        assertThat(CatalogueApplier.earlyYear("2019-2020")).isFalse();
        assertThat(CatalogueApplier.earlyYear("c2020.")).isFalse();
    }

    @Test
    void documentTypesAreReadAsFilesWriteThem() {
        assertThat(DocTypes.of("Sách giáo khoa")).hasValue(vn.motsach.events.DocType.TEXTBOOK);
        assertThat(DocTypes.of("TEACHER_PROFESSIONAL")).hasValue(vn.motsach.events.DocType.TEACHER_PROFESSIONAL);
        assertThat(DocTypes.of("báo, tạp chí")).hasValue(vn.motsach.events.DocType.PERIODICAL);
        assertThat(DocTypes.of("STN")).hasValue(vn.motsach.events.DocType.CHILDREN);
        assertThat(DocTypes.of("VM")).isEmpty();
    }

    /**
     * The catalogue export writes "Có" and "Không"; an export of before wrote "x" or nothing: both
     * import. A word meaning neither yes nor no is not taken for a no.
     */
    @Test
    void inLibraryUseIsReadAsTheExportWritesItAndAsItWroteItBefore() {
        assertThat(InLibraryOnly.of("Có")).hasValue(true);
        assertThat(InLibraryOnly.of("x")).hasValue(true);
        assertThat(InLibraryOnly.of("Không")).hasValue(false);
        assertThat(InLibraryOnly.of("no")).hasValue(false);
        assertThat(InLibraryOnly.of("maybe")).isEmpty();
    }

    @Test
    void kohasLostAndWithdrawnStatusesAreReadNonZeroAsSetWithdrawalFirst() {
        MarcFactory marc = MarcFactory.newInstance();
        Record record = marc.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(marc.newDataField("245", '1', '0', "a", "Quê nội"));
        record.addVariableField(marc.newDataField("952", ' ', ' ', "p", "Q-1", "1", "0", "0", "0", "4", "1"));
        record.addVariableField(marc.newDataField("952", ' ', ' ', "p", "Q-2", "1", "4"));
        record.addVariableField(marc.newDataField("952", ' ', ' ', "p", "Q-3", "0", "1"));
        record.addVariableField(marc.newDataField("952", ' ', ' ', "p", "Q-4", "0", "2", "1", "1"));
        record.addVariableField(marc.newDataField("952", ' ', ' ', "p", "Q-5"));

        assertThat(MarcCatalogue.catalogueRecord(record).copies()).extracting(CatalogueRecord.CopyEntry::outOfCollection)
                .containsExactly(null, OutOfCollection.LOST, OutOfCollection.WITHDRAWN, OutOfCollection.WITHDRAWN, null);
    }

    @Test
    void aWorkbooksStatusCellIsReadWithoutCaseOrDiacritics() {
        assertThat(StatusCell.of("Mất")).isEqualTo(OutOfCollection.LOST);
        assertThat(StatusCell.of("mat")).isEqualTo(OutOfCollection.LOST);
        assertThat(StatusCell.of("THANH LÝ")).isEqualTo(OutOfCollection.WITHDRAWN);
        assertThat(StatusCell.of("Withdrawn")).isEqualTo(OutOfCollection.WITHDRAWN);
        assertThat(StatusCell.of("Trên giá")).isNull();
        assertThat(StatusCell.of(null)).isNull();
        assertThat(StatusCell.understood("trên giá")).isTrue();
        assertThat(StatusCell.understood("Đang sửa")).isFalse();
    }
}
