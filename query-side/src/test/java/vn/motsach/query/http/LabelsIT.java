package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.school.SchoolRegistered;

/**
 * Label sheets over HTTP: chosen by a list, a range of accession numbers or a title, each
 * label's Code 128 and QR code decoded back from the rendered page; bad choices refused.
 */
@TestPropertySource(properties = {"motsach.public-base-url=https://thuvien.example.vn/", "motsach.labels.max-labels=5"})
class LabelsIT extends RunningQuerySide {

    @Test
    void labelsOfARangeCarryTheCopysBarcodeTheTitlesPublicPageAndTheSchool() throws Exception {
        TitleId duong = TitleId.of(UUID.randomUUID());
        long position = feed.append(new SchoolRegistered(school, "Thư viện trường THCS Lê Quý Đôn",
                        List.of(EducationLevel.LOWER_SECONDARY), null),
                new TitleCatalogued(school, duong, "Đường về nhà", List.of("Nguyễn Thị Ánh Tuyết"), null, "Kim Đồng", 2020,
                        "895.922 NG-T", List.of(), DocType.CHILDREN, "vie"),
                copy("TN-001", duong), copy("TN-002", duong), copy("TN-003", duong), copy("TN-004", duong),
                new CopyWithdrawn(school, Barcode.of("TN-003"), duong, "Rách nát", today));

        Download range = download("/labels?fromBarcode=TN-001&toBarcode=TN-004&layout=A4-2x5", position);
        assertThat(range.status()).isEqualTo(200);
        assertThat(range.contentType()).isEqualTo("application/pdf");
        LabelPage page = new LabelPage(range.body(), 2, 5);
        assertThat(page.text()).contains("Thư viện trường THCS Lê Quý Đôn", "Đường về nhà", "895.922 NG-T", "TN-001",
                "TN-004").doesNotContain("TN-003");
        String url = "https://thuvien.example.vn/opac/" + school.value() + "/titles/" + duong.value();
        for (int i = 0; i < 3; i++) {
            assertThat(page.decode(i, BarcodeFormat.CODE_128)).isEqualTo(List.of("TN-001", "TN-002", "TN-004").get(i));
            assertThat(page.decode(i, BarcodeFormat.QR_CODE)).isEqualTo(url);
        }

        LabelPage listed = new LabelPage(download("/labels?barcodes=TN-004,TN-002", position).body(), 3, 8);
        assertThat(listed.decode(0, BarcodeFormat.CODE_128)).isEqualTo("TN-004");
        assertThat(listed.decode(1, BarcodeFormat.CODE_128)).isEqualTo("TN-002");
        LabelPage ofTitle = new LabelPage(download("/labels?titleId=" + duong.value() + "&format=PDF", position).body(), 3, 8);
        assertThat(ofTitle.decode(2, BarcodeFormat.CODE_128)).isEqualTo("TN-004");
    }

    @Test
    void badChoicesAreRefusedWithTheFieldNamed() {
        long position = feed.append(new SchoolRegistered(school, "Trường Tiểu học Hoa Sen", List.of(EducationLevel.PRIMARY), null));
        TitleId title = TitleId.of(UUID.randomUUID());
        for (int i = 1; i <= 6; i++) {
            position = feed.append(copy("A-0" + i, title));
        }

        assertThat(api.get(base + "/labels", "X-Min-Event-Position", Long.toString(position)).text("code"))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get(base + "/labels?barcodes=A-01&titleId=" + title.value()).json().path("errors").get(0)
                .path("field").asString()).isEqualTo("barcodes");
        assertThat(api.get(base + "/labels?fromBarcode=A-01").json().path("errors").get(0).path("field").asString())
                .isEqualTo("toBarcode");
        assertThat(api.get(base + "/labels?barcodes=A-01&layout=A4-0x8").json().path("errors").get(0).path("field")
                .asString()).isEqualTo("layout");
        assertThat(api.get(base + "/labels?barcodes=A-01&layout=A4-9x20").json().path("errors").get(0).path("field")
                .asString()).isEqualTo("layout");
        assertThat(api.get(base + "/labels?barcodes=A-01&format=XLSX").json().path("errors").get(0).path("field")
                .asString()).isEqualTo("format");
        assertThat(api.get(base + "/labels?barcodes=A-01,A-02,A-03,A-04,A-05,A-06").status()).isEqualTo(400);
        assertThat(api.get(base + "/labels?barcodes=A-01,Z-99").text("code")).isEqualTo("COPY_NOT_FOUND");
        assertThat(api.get(base + "/labels?fromBarcode=A-01&toBarcode=A-06").text("code")).isEqualTo("TOO_MANY_LABELS");
        assertThat(api.get(base + "/labels?fromBarcode=A-01&toBarcode=A-05").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/schools/khong-co/labels?barcodes=A-01").text("code")).isEqualTo("SCHOOL_NOT_FOUND");
    }

    private CopyAccessioned copy(String barcode, TitleId title) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, "Đường về nhà", DocType.CHILDREN,
                LocalDate.of(2025, 9, 5), "Mua", new BigDecimal("45000"), true);
    }

    /** The first sheet of a PDF of labels, rendered as a printer would, read label by label. */
    private record LabelPage(String text, BufferedImage image, int columns, int rows) {

        private static final float DPI = 300;

        LabelPage(byte[] pdf, int columns, int rows) throws IOException {
            this(read(pdf), columns, rows);
        }

        private LabelPage(Object[] read, int columns, int rows) {
            this((String) read[0], (BufferedImage) read[1], columns, rows);
        }

        private static Object[] read(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return new Object[] {new PDFTextStripper().getText(document), new PDFRenderer(document).renderImageWithDPI(0, DPI)};
            }
        }

        /** Decodes the label at {@code index} whole: its only barcode of the format asked. */
        String decode(int index, BarcodeFormat format) throws NotFoundException {
            // the same cells the application lays out with the default margins
            PDRectangle cell = new vn.motsach.query.documents.LabelLayout(columns, rows, 10, 5, 2).cell(index);
            float scale = DPI / 72;
            BufferedImage label = image.getSubimage((int) (cell.getLowerLeftX() * scale),
                    (int) ((PDRectangle.A4.getHeight() - cell.getUpperRightY()) * scale), (int) (cell.getWidth() * scale),
                    (int) (cell.getHeight() * scale));
            int[] pixels = label.getRGB(0, 0, label.getWidth(), label.getHeight(), null, 0, label.getWidth());
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(label.getWidth(), label.getHeight(), pixels))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format), DecodeHintType.TRY_HARDER, true)).getText();
        }
    }
}
