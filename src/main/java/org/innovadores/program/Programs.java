package org.innovadores.program;

import org.innovadores.runtime.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The programs of the courses and everything instructors do to them. Every read takes the course's
 * program first, and every module is looked up inside that program, so an id or key from another
 * course simply is not found.
 */
@ApplicationScoped
public class Programs {

    private static final Logger LOG = Logger.getLogger(Programs.class.getName());

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Inject
    ProgramCopies copies;

    @Inject
    CourseLanguage languages;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/innovadores")
    javax.sql.DataSource dataSource;


    /** Thrown when a save was based on an older revision than the module's current one. */
    public static class StaleRevision extends RuntimeException {
        public final ProgramModule current;

        StaleRevision(ProgramModule current) {
            super("Module " + current.key() + " is at revision " + current.revision());
            this.current = current;
        }
    }

    public Optional<Program> find(UUID id) {
        return Optional.ofNullable(em.find(Program.class, id));
    }

    /**
     * A course's program. Which program a course has never changes once made, so it is remembered:
     * every page of the course asks.
     */
    public Optional<Program> forCourse(UUID deployment, String contextId) {
        CourseKey key = new CourseKey(deployment, contextId);
        Program known = courses.get(key);
        if (known != null) return Optional.of(known);
        Optional<Program> found = em.createQuery("select p from Program p where p.deploymentId = :d and p.contextId = :c",
                        Program.class).setParameter("d", deployment).setParameter("c", contextId).getResultStream().findFirst();
        found.ifPresent(program -> {
            if (courses.size() > 10_000) courses.clear();
            courses.put(key, program);
        });
        return found;
    }

    private record CourseKey(UUID deployment, String contextId) {
    }

    private final java.util.concurrent.ConcurrentHashMap<CourseKey, Program> courses = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The course's program, copying the default one when the course has none yet; a new course takes
     * the instructor's language as its own.
     */
    public Program ensureForCourse(UUID deployment, String contextId, Author instructor, String language) {
        Optional<Program> existing = forCourse(deployment, contextId);
        if (existing.isPresent()) return existing.get();
        try {
            Program created = copies.create(UUID.randomUUID(), deployment, contextId, document(Program.DEFAULT_ID),
                    "default", "copied", instructor);
            languages.setIfNone(created, language);
            LOG.info(() -> "Course " + contextId + " of deployment " + deployment + " got its copy of the default program");
            return created;
        } catch (PersistenceException | TransactionalException raced) {
            // Two first launches at once: the other one's copy won the unique (deployment, context).
            return forCourse(deployment, contextId).orElseThrow(() -> raced);
        }
    }

    /** A program as a document, the form copies (and exports) are made from. */
    public ProgramDocument document(UUID programId) {
        Program program = find(programId).orElseThrow();
        List<ProgramDocument.Module> modules = modules(program).stream()
                .map(m -> new ProgramDocument.Module(m.key(), m.status(), m.content())).toList();
        return new ProgramDocument(program.title(), modules);
    }

    public List<ProgramModule> modules(Program program) {
        return em.createQuery("select m from ProgramModule m where m.programId = :p order by m.position", ProgramModule.class)
                .setParameter("p", program.id()).getResultList();
    }

    public List<ProgramModule> publishedModules(Program program) {
        return modules(program).stream().filter(ProgramModule::published).toList();
    }

    /** A module as a page lists it, with the person's progress in it (null before their first visit). */
    public record Listed(ProgramModule module, Progress.Entry progress) {
    }

    /**
     * The modules as pages list them, with one person's progress, in one JDBC query and without the
     * modules' texts (a parse cached per revision stands in for them): every page a participant opens
     * lists the modules. Not for changing them.
     */
    public List<Listed> listing(Program program, boolean withDrafts, String subject) {
        List<Listed> modules = new ArrayList<>();
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement("SELECT m.id, m.item_key, m.position, m.status, "
                     + "m.revision, m.updated_at, p.first_visit_at, p.last_visit_at, p.content_read_at FROM program_module m "
                     + "LEFT JOIN module_progress p ON p.module_id = m.id AND p.subject = ? WHERE m.program_id = ?"
                     + (withDrafts ? "" : " AND m.status = 'PUBLISHED'") + " ORDER BY m.position")) {
            select.setString(1, subject);
            select.setObject(2, program.id());
            try (java.sql.ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = Sql.uuid(row, 1);
                    ProgramModule module = ProgramModule.listed(id, program.id(), row.getString(2), row.getInt(3),
                            row.getString(4), row.getInt(5), Sql.time(row, 6), () -> text(id));
                    java.time.OffsetDateTime first = Sql.time(row, 7);
                    Progress.Entry entry = first == null ? null : new Progress.Entry(id, first.toInstant(),
                            Sql.time(row, 8).toInstant(),
                            java.util.Optional.ofNullable(Sql.time(row, 9))
                                    .map(java.time.OffsetDateTime::toInstant).orElse(null));
                    modules.add(new Listed(module, entry));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot list the modules of program " + program.id(), e);
        }
        return modules;
    }

    private String text(UUID module) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement("SELECT content FROM program_module WHERE id = ?")) {
            select.setObject(1, module);
            try (java.sql.ResultSet row = select.executeQuery()) {
                if (!row.next()) throw new IllegalStateException("Module " + module + " is gone");
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read module " + module, e);
        }
    }

    public Optional<ProgramModule> module(Program program, String key) {
        if (key == null) return Optional.empty();
        return em.createQuery("select m from ProgramModule m where m.programId = :p and m.key = :k", ProgramModule.class)
                .setParameter("p", program.id()).setParameter("k", key).getResultStream().findFirst();
    }

    // --- authoring --------------------------------------------------------------------------------

    /** A new draft module at the end of the program. */
    @Transactional
    public ProgramModule create(Program program, Localized title, Author author) {
        List<ProgramModule> modules = modules(program);
        String key = uniqueKey(slug(title.text("es")), modules);
        ProgramModule module = new ProgramModule(program.id(), key, modules.size() + 1, ProgramModule.Status.DRAFT,
                new ModuleContent(title, Localized.empty(), List.of(), List.of(), List.of()), author.subject());
        em.persist(module);
        em.flush();
        em.persist(new ModuleRevision(module, author.subject(), author.name(), "created"));
        return module;
    }

    /**
     * Takes a module from another program (a package, the previous cohort) under its own key: new
     * content becomes a revision noted {@code note}, a key the program lacks becomes a module at the
     * end. Content and status already equal change nothing. True when something changed.
     */
    @Transactional
    public boolean adopt(Program program, ProgramDocument.Module source, Author author, String note) {
        Optional<ProgramModule> existing = module(program, source.key());
        if (existing.isEmpty()) {
            ProgramModule module = new ProgramModule(program.id(), source.key(), modules(program).size() + 1, source.status(),
                    source.content(), author.subject());
            em.persist(module);
            em.flush();
            em.persist(new ModuleRevision(module, author.subject(), author.name(), note));
            return true;
        }
        ProgramModule module = locked(program, source.key());
        boolean changed = false;
        if (!module.content().equals(source.content())) {
            module.change(source.content(), author.subject());
            em.persist(new ModuleRevision(module, author.subject(), author.name(), note));
            changed = true;
        }
        if (module.status() != source.status()) {
            module.changeStatus(source.status(), author.subject());
            em.persist(new ModuleRevision(module, author.subject(), author.name(), source.status() == ProgramModule.Status.PUBLISHED
                    ? "published" : "unpublished"));
            changed = true;
        }
        return changed;
    }

    /** Saves new content if nobody saved since {@code basedOn}; otherwise nothing changes. */
    @Transactional
    public ProgramModule save(Program program, String key, int basedOn, ModuleContent content, Author author) {
        ProgramModule module = locked(program, key);
        if (module.revision() != basedOn) throw new StaleRevision(module);
        module.change(content, author.subject());
        em.persist(new ModuleRevision(module, author.subject(), author.name(), "edited"));
        return module;
    }

    @Transactional
    public ProgramModule setStatus(Program program, String key, ProgramModule.Status status, Author author) {
        ProgramModule module = locked(program, key);
        if (module.status() == status) return module;
        module.changeStatus(status, author.subject());
        em.persist(new ModuleRevision(module, author.subject(), author.name(), status == ProgramModule.Status.PUBLISHED
                ? "published" : "unpublished"));
        return module;
    }

    /** Puts the module at a position (1 = first), shifting the others; out-of-range positions clamp. */
    @Transactional
    public void move(Program program, String key, int position) {
        List<ProgramModule> modules = new ArrayList<>(em.createQuery(
                        "select m from ProgramModule m where m.programId = :p order by m.position", ProgramModule.class)
                .setParameter("p", program.id()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        ProgramModule moving = modules.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
        modules.remove(moving);
        modules.add(Math.max(0, Math.min(position - 1, modules.size())), moving);
        for (int i = 0; i < modules.size(); i++) modules.get(i).moveTo(i + 1);
    }

    public List<ModuleRevision> revisions(ProgramModule module) {
        return em.createQuery("select r from ModuleRevision r where r.moduleId = :m order by r.revision desc", ModuleRevision.class)
                .setParameter("m", module.id()).getResultList();
    }

    public Optional<ModuleRevision> revision(ProgramModule module, int revision) {
        return Optional.ofNullable(em.find(ModuleRevision.class, new ModuleRevision.Key(module.id(), revision)));
    }

    /** Brings back the content of an earlier revision as a new revision; the history keeps everything. */
    @Transactional
    public ProgramModule restore(Program program, String key, int revision, Author author) {
        ProgramModule module = locked(program, key);
        ModuleRevision old = revision(module, revision).orElseThrow();
        module.change(old.content(), author.subject());
        em.persist(new ModuleRevision(module, author.subject(), author.name(), "restored:" + revision));
        return module;
    }

    private ProgramModule locked(Program program, String key) {
        ProgramModule module = module(program, key).orElseThrow();
        em.refresh(module, LockModeType.PESSIMISTIC_WRITE);
        return module;
    }


    // --- keys -------------------------------------------------------------------------------------

    static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (plain.length() > 60) plain = plain.substring(0, 60).replaceAll("-+$", "");
        return plain.isEmpty() ? "modulo" : plain;
    }

    private static String uniqueKey(String base, List<ProgramModule> modules) {
        String key = base;
        for (int n = 2; taken(key, modules); n++) key = base + "-" + n;
        return key;
    }

    private static boolean taken(String key, List<ProgramModule> modules) {
        return modules.stream().anyMatch(m -> m.key().equals(key));
    }
}
