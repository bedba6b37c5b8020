package vn.motsach.command.imports;

import java.util.Map;
import vn.motsach.testing.ApiClient;

/** Files sent to a school's imports route, and files fetched, by a system administrator. */
final class Uploads {

    private Uploads() {
    }

    static ApiClient.Answer upload(int port, String school, String fileName, byte[] file, Map<String, String> fields,
            String... headers) {
        return new ApiClient(port).upload("/api/v1/schools/" + school + "/imports", fileName, file, fields, headers);
    }

    static ApiClient.Download download(int port, String path) {
        return new ApiClient(port).download(path);
    }
}
