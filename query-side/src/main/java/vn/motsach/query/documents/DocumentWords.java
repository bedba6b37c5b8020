package vn.motsach.query.documents;

import java.util.Map;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.DocType;

/** The words documents use for the codes of the events, as a Vietnamese school library says them. */
public final class DocumentWords {

    private static final Map<DocType, String> DOC_TYPES = Map.of(
            DocType.TEXTBOOK, "Sách giáo khoa",
            DocType.REFERENCE, "Sách tham khảo",
            DocType.TEACHER_PROFESSIONAL, "Sách nghiệp vụ",
            DocType.CHILDREN, "Thiếu nhi",
            DocType.GENERAL, "Tổng hợp",
            DocType.PERIODICAL, "Báo, tạp chí",
            DocType.DIGITAL, "Tài liệu số");
    private static final Map<AcquisitionSource, String> SOURCES = Map.of(
            AcquisitionSource.PURCHASE, "Mua",
            AcquisitionSource.DONATION, "Tặng, biếu",
            AcquisitionSource.TRANSFER, "Điều chuyển",
            AcquisitionSource.OTHER, "Nguồn khác");

    private DocumentWords() {
    }

    public static String docType(DocType type) {
        return DOC_TYPES.get(type);
    }

    public static String source(AcquisitionSource source) {
        return SOURCES.get(source);
    }
}
