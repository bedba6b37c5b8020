package vn.motsach.command.imports;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded workbook may be, so that a small file cannot take the process's memory or
 * time: POI refuses a zip entry that inflates more than {@code 1 / minInflateRatio} times its
 * compressed size (a zip bomb) or past {@code maxEntrySize}; a workbook past {@code maxRows}
 * data rows fails before any of them goes in. POI keeps its two limits for the whole process.
 */
@Component
public class WorkbookLimits {

    private final int maxRows;

    WorkbookLimits(@Value("${motsach.imports.xlsx.min-inflate-ratio:0.01}") double minInflateRatio,
            @Value("${motsach.imports.xlsx.max-entry-size:1GB}") DataSize maxEntrySize,
            @Value("${motsach.imports.max-rows:500000}") int maxRows) {
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(maxEntrySize.toBytes());
        this.maxRows = maxRows;
    }

    /** The most data rows a workbook (XLSX or CSV) may have. */
    public int maxRows() {
        return maxRows;
    }
}
