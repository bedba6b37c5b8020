package vn.motsach.query.documents;

import java.io.IOException;
import java.util.List;

/**
 * Writes a table document row by row, so that a register of any length never sits whole in
 * memory as rows. A cell is text, a number, a date or empty ({@code null}); dates are written as
 * Vietnamese read them (dd/MM/yyyy). {@link #close()} finishes the file on the stream it was opened on.
 */
public interface TableWriter extends AutoCloseable {

    void row(List<?> cells) throws IOException;

    @Override
    void close() throws IOException;
}
