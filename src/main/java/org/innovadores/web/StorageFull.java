package org.innovadores.web;

import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The disk under the tool's data is full (507 Insufficient Storage): said plainly to the person,
 * after whatever the request had half-written was removed.
 */
public class StorageFull extends WebApplicationException {

    public static final int STATUS = 507;

    public StorageFull(Throwable cause) {
        super("storage full", cause, STATUS);
    }

    /** True when a write failed because the file system ran out of space. */
    public static boolean is(IOException failure, Path where) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) return true;
        }
        try {
            return Files.getFileStore(where).getUsableSpace() < 64 * 1024;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }
}
