package vn.motsach.query.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Label sheets rendered as a printer would and decoded back with ZXing: each label's Code 128 and QR code, and its text. */
class LabelSheetsTest {

    private static final LabelLayout A4_3X8 = new LabelLayout(3, 8, 10, 5, 2);

    @Test
    void everyLabelsCode128AndQrCodeDecodeToItsBarcodeAndUrl() throws IOException, NotFoundException {
        List<Label> labels = new ArrayList<>();
        for (int i = 1; i <= 26; i++) {
            String barcode = "TK-%06d".formatted(i);
            labels.add(new Label(barcode, "https://thuvien.example.vn/opac/le-quy-don/titles/t" + i,
                    List.of("Thư viện trường THCS Lê Quý Đôn", "Đường về nhà", "895.922 NG-T")));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LabelSheets.write(labels, A4_3X8, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Thư viện trường THCS Lê", "Quý Đôn", "Đường về nhà", "895.922 NG-T", "TK-000001",
                    "TK-000026");
            PDFRenderer renderer = new PDFRenderer(pdf);
            float dpi = 300;
            BufferedImage first = renderer.renderImageWithDPI(0, dpi);
            BufferedImage second = renderer.renderImageWithDPI(1, dpi);
            for (int i = 0; i < labels.size(); i++) {
                BufferedImage sheet = i < 24 ? first : second;
                PDRectangle cell = A4_3X8.cell(i % 24);
                BufferedImage label = crop(sheet, cell, dpi);
                BufferedImage left = label.getSubimage(0, 0, (int) (label.getWidth() * 0.6), label.getHeight());
                BufferedImage right = label.getSubimage((int) (label.getWidth() * 0.55), 0,
                        label.getWidth() - (int) (label.getWidth() * 0.55), label.getHeight());
                assertThat(decode(left, BarcodeFormat.CODE_128).getText()).isEqualTo(labels.get(i).barcode());
                assertThat(decode(right, BarcodeFormat.QR_CODE).getText()).isEqualTo(labels.get(i).qrText());
            }
        }
    }

    @Test
    void aLongTitleIsCutToItsLabelWithAnEllipsis() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LabelSheets.write(List.of(new Label("A1", "https://x.vn/q", List.of("Trường", "Tuyển tập truyện ngắn hay nhất của "
                + "các nhà văn Việt Nam thế kỷ hai mươi và hai mươi mốt"))), A4_3X8, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Tuyển tập", "…").doesNotContain("hai mươi mốt");
        }
    }

    private static BufferedImage crop(BufferedImage page, PDRectangle cell, float dpi) {
        float scale = dpi / 72;
        int x = (int) (cell.getLowerLeftX() * scale);
        int y = (int) ((PDRectangle.A4.getHeight() - cell.getUpperRightY()) * scale);
        return page.getSubimage(x, y, (int) (cell.getWidth() * scale), (int) (cell.getHeight() * scale));
    }

    private static Result decode(BufferedImage image, BarcodeFormat format) throws NotFoundException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                DecodeHintType.TRY_HARDER, true));
    }
}
