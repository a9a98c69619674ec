package org.innovadores.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.lti.PlatformRegistry;
import org.innovadores.lti.ServiceClaims;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseVisited;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramItemLaunched;
import org.innovadores.runtime.Sql;

/**
 * What the launches of a course told about its LMS services, kept per course: the platform, the
 * line items container and the memberships URL; and, for each placed item launched with a line item,
 * that line item.
 */
@ApplicationScoped
public class CourseServices {

    /** A course's services. */
    public record Services(UUID program, UUID platform, String lineItems, String memberships) {
    }

    /**
     * A gradebook column for one of the course's items; scores wait for release when {@code onRelease};
     * {@code createdByTool}: the tool made it (and so names it), rather than the platform from deep linking.
     */
    public record LineItem(UUID program, String itemKey, String url, String label, double scoreMaximum, boolean onRelease,
                           boolean createdByTool) {
    }

    @Inject
    Sql db;

    @Inject
    PlatformRegistry registry;

    void courseOpened(@Observes CourseVisited visit) {
        ServiceClaims claims = ServiceClaims.of(visit.session().launchClaims());
        if (claims.lineItems() == null && claims.memberships() == null) return;
        Services known = remembered.get(visit.program().id());
        // Every page of the course fires this; the database is written only when something changed.
        if (known != null && java.util.Objects.equals(known.lineItems(), claims.lineItems())
                && java.util.Objects.equals(known.memberships(), claims.memberships())) {
            return;
        }
        remember(visit.program(), visit.session());
    }

    private final java.util.concurrent.ConcurrentHashMap<UUID, Services> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    void itemLaunched(@Observes ProgramItemLaunched launched) {
        Services services = remember(launched.program(), launched.session());
        ServiceClaims claims = ServiceClaims.of(launched.session().launchClaims());
        if (services != null && claims.lineItem() != null && find(launched.program().id(), launched.item()).isEmpty()) {
            try {
                db.update("INSERT INTO line_item (id, program_id, item_key, url, label, score_maximum, release_mode, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'AUTO', ?)", UUID.randomUUID(), launched.program().id(), launched.item(),
                        claims.lineItem(), launched.title(), 100.0, OffsetDateTime.now(ZoneOffset.UTC));
            } catch (IllegalStateException raced) {
                // Another launch of the same link recorded it first.
            }
        }
    }

    private Services remember(Program program, ToolSession session) {
        ServiceClaims claims = ServiceClaims.of(session.launchClaims());
        if (claims.lineItems() == null && claims.memberships() == null) return services(program.id()).orElse(null);
        UUID platform = registry.deployment(session.deployment()).map(d -> d.platform().id()).orElse(null);
        if (platform == null) return null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (db.update("UPDATE course_service SET platform_id = ?, lineitems_url = COALESCE(?, lineitems_url), "
                + "memberships_url = COALESCE(?, memberships_url), updated_at = ? WHERE program_id = ?", platform, claims.lineItems(),
                claims.memberships(), now, program.id()) == 0) {
            try {
                db.update("INSERT INTO course_service (program_id, platform_id, lineitems_url, memberships_url, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?)", program.id(), platform, claims.lineItems(), claims.memberships(), now);
            } catch (IllegalStateException raced) {
                // Written by a launch at the same moment.
            }
        }
        Services stored = services(program.id()).orElse(null);
        if (stored != null) remembered.put(program.id(), stored);
        return stored;
    }

    public Optional<Services> services(UUID program) {
        List<Services> found = new ArrayList<>();
        db.query("SELECT program_id, platform_id, lineitems_url, memberships_url FROM course_service WHERE program_id = ?",
                row -> found.add(new Services(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3),
                        row.getString(4))), program);
        return found.stream().findFirst();
    }

    public List<Services> all() {
        List<Services> found = new ArrayList<>();
        db.query("SELECT program_id, platform_id, lineitems_url, memberships_url FROM course_service", row -> found.add(
                new Services(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3), row.getString(4))));
        return found;
    }

    public Optional<LineItem> find(UUID program, String itemKey) {
        List<LineItem> found = new ArrayList<>();
        db.query("SELECT program_id, item_key, url, label, score_maximum, release_mode, created_by_tool FROM line_item WHERE program_id = ? "
                + "AND item_key = ?", row -> found.add(lineItem(row)), program, itemKey);
        return found.stream().findFirst();
    }

    public List<LineItem> lineItems(UUID program) {
        List<LineItem> found = new ArrayList<>();
        db.query("SELECT program_id, item_key, url, label, score_maximum, release_mode, created_by_tool FROM line_item WHERE program_id = ? "
                + "ORDER BY item_key", row -> found.add(lineItem(row)), program);
        return found;
    }

    void created(UUID program, String itemKey, String url, String label, double scoreMaximum) {
        try {
            db.update("INSERT INTO line_item (id, program_id, item_key, url, label, score_maximum, release_mode, created_at, "
                    + "created_by_tool) VALUES (?, ?, ?, ?, ?, ?, 'AUTO', ?, TRUE)", UUID.randomUUID(), program, itemKey, url, label,
                    scoreMaximum, OffsetDateTime.now(ZoneOffset.UTC));
        } catch (IllegalStateException raced) {
            // Created for the same item by another sender at the same moment; theirs stays.
        }
    }

    void setRelease(UUID program, String itemKey, boolean onRelease) {
        db.update("UPDATE line_item SET release_mode = ? WHERE program_id = ? AND item_key = ?", onRelease ? "RELEASE" : "AUTO",
                program, itemKey);
    }

    private static LineItem lineItem(java.sql.ResultSet row) throws java.sql.SQLException {
        return new LineItem(Sql.uuid(row, 1), row.getString(2), row.getString(3), row.getString(4), row.getDouble(5),
                "RELEASE".equals(row.getString(6)), row.getBoolean(7));
    }
}
