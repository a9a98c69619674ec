package org.innovadores.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.runtime.DataDirectory;
import org.innovadores.runtime.GeneratedSecrets;

/**
 * The bearer token of the admin API (command line and automation). From ADMIN_TOKEN when set;
 * otherwise generated at first start into DATA_DIR/admin-token, readable by the owner only.
 */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());

    @Inject
    @ConfigProperty(name = "admin.token")
    Optional<String> configured;

    @Inject
    DataDirectory dataDirectory;

    private byte[] token;

    /** Created at start, so the token file exists before anyone needs it. */
    void atStart(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
        // Observing the event is enough to create the bean, which runs load().
    }

    @PostConstruct
    void load() {
        if (configured.isPresent() && configured.get().length() < 24) {
            throw new IllegalStateException("ADMIN_TOKEN must be at least 24 characters long");
        }
        String value = configured.orElseGet(this::fromFile);
        token = value.getBytes(StandardCharsets.UTF_8);
    }

    private String fromFile() {
        Path file = dataDirectory.root().resolve("admin-token");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                // Owner-only from the moment it exists; where there are no POSIX permissions
                // (Windows) the folder's own permissions apply.
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, GeneratedSecrets.randomToken());
                LOG.info(() -> "Generated the admin API token in " + file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean matches(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) return false;
        return MessageDigest.isEqual(token, authorizationHeader.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
