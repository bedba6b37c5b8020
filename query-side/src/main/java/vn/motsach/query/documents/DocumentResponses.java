package vn.motsach.query.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A document as an HTTP answer: streamed to the client as it is written, offered as a file to save. */
public final class DocumentResponses {

    private DocumentResponses() {
    }

    /** Something that writes a document onto a stream. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(OutputStream out) throws IOException;
    }

    public static ResponseEntity<StreamingResponseBody> file(DocumentFormat format, String name, Writing writing) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(name + "." + format.extension(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(writing::writeTo);
    }
}
