package vn.motsach.command.imports;

import java.util.List;

/**
 * A file that cannot be read as its format (a corrupt ISO 2709 record, an XLSX that is no zip,
 * headers that match no template...): the job fails with this code before any record goes in.
 * {@code record} is the record where reading stopped, 0 for the file as a whole.
 */
public class UnreadableFile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int record;
    private final transient List<String> arguments;

    public UnreadableFile(String code, int record, Object... arguments) {
        super(code + " at record " + record);
        this.code = code;
        this.record = record;
        this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
    }

    public String code() {
        return code;
    }

    public int record() {
        return record;
    }

    public List<String> arguments() {
        return arguments;
    }
}
