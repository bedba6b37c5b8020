package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a file's format is recognised from its first bytes when the request names none. */
class ImportReadingTest {

    @Test
    void aFileIsRecognisedFromItsFirstBytes() {
        assertThat(recognise("00714nam a2200205 a 4500")).isEqualTo("MARC21");
        assertThat(recognise("\uFEFF<?xml version=\"1.0\"?><collection>")).isEqualTo("MARCXML");
        assertThat(recognise("  <collection xmlns=\"http://www.loc.gov/MARC21/slim\">")).isEqualTo("MARCXML");
        assertThat(recognise("PK\u0003\u0004rest of a zip")).isEqualTo("XLSX");
        assertThat(recognise("\uFEFFSố ĐKCB,Nhan đề")).isEqualTo("CSV");
        assertThat(recognise("12345,Nhan đề")).isEqualTo("CSV");
        assertThat(ImportFormat.recognise(new byte[64], 0)).isEmpty();
    }

    private static String recognise(String head) {
        byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.UTF_8), ImportFormat.HEAD_BYTES);
        return ImportFormat.recognise(bytes, Math.min(head.getBytes(StandardCharsets.UTF_8).length, bytes.length))
                .orElseThrow().name();
    }
}
