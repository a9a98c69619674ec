package org.innovadores.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.innovadores.runtime.Now;

/**
 * A module of a program: where it sits, whether participants see it, and its content document at
 * its latest revision. {@code key} names the module across course copies and in LMS links.
 */
@Entity
@Table(name = "program_module")
public class ProgramModule {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    private UUID id;
    @Column(name = "program_id", nullable = false)
    private UUID programId;
    @Column(name = "item_key", nullable = false)
    private String key;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String status;
    @Column(nullable = false)
    private String content;
    @Column(nullable = false)
    private int revision;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Transient
    private ModuleContent parsed;
    /** For a listing read without the text: where to get it if its parse is not cached. */
    @Transient
    private java.util.function.Supplier<String> contentSource;

    protected ProgramModule() {
    }

    /** A refresh reloads the JSON; the parsed copy must follow. */
    @PostLoad
    void forgetParsed() {
        parsed = null;
    }

    ProgramModule(UUID programId, String key, int position, Status status, ModuleContent content, String author) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.key = key;
        this.position = position;
        this.status = status.name();
        this.revision = 0;
        change(content, author);
    }

    /** A module as a page lists it: everything but the text, which is read only if not already parsed. */
    static ProgramModule listed(UUID id, UUID programId, String key, int position, String status, int revision,
                                OffsetDateTime updatedAt, java.util.function.Supplier<String> contentSource) {
        ProgramModule module = new ProgramModule();
        module.id = id;
        module.programId = programId;
        module.key = key;
        module.position = position;
        module.status = status;
        module.revision = revision;
        module.updatedAt = updatedAt;
        module.contentSource = contentSource;
        return module;
    }

    /** Replaces the content and moves to the next revision number. */
    int change(ModuleContent newContent, String author) {
        this.content = Documents.write(newContent);
        this.parsed = newContent;
        this.revision++;
        this.updatedAt = Now.utc();
        this.updatedBy = author;
        return revision;
    }

    int changeStatus(Status newStatus, String author) {
        this.status = newStatus.name();
        this.revision++;
        this.updatedAt = Now.utc();
        this.updatedBy = author;
        return revision;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public UUID id() { return id; }
    public UUID programId() { return programId; }
    public String key() { return key; }
    public int position() { return position; }
    public Status status() { return Status.valueOf(status); }
    public boolean published() { return status() == Status.PUBLISHED; }
    public int revision() { return revision; }
    public Instant updatedAt() { return updatedAt.toInstant(); }
    String rawContent() { return content; }

    public ModuleContent content() {
        if (parsed == null) parsed = PARSED.get(id, revision, contentSource != null ? contentSource : this::rawContent);
        return parsed;
    }

    /**
     * Parsed documents by module and revision, shared by all requests: every page lists the modules,
     * and parsing their JSON each time was most of a page's cost. A new revision replaces the entry,
     * so instances sharing a database never serve a stale parse.
     */
    private static final ParsedCache PARSED = new ParsedCache(1024);

    static final class ParsedCache {
        private record Entry(int revision, ModuleContent content) {
        }

        private final java.util.concurrent.ConcurrentHashMap<UUID, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
        private final int capacity;

        ParsedCache(int capacity) {
            this.capacity = capacity;
        }

        ModuleContent get(UUID module, int revision, java.util.function.Supplier<String> json) {
            Entry entry = entries.get(module);
            if (entry != null && entry.revision() == revision) return entry.content();
            ModuleContent parsed = Documents.read(json.get(), ModuleContent.class);
            if (entries.size() >= capacity) entries.clear();
            entries.put(module, new Entry(revision, parsed));
            return parsed;
        }
    }
}
