package org.innovadores.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.innovadores.runtime.Sql;
import org.innovadores.web.ClientError;

/**
 * The figures an operator watches, in the Prometheus text format, behind the admin token: the
 * server's own /metrics is switched off, since it answered anyone.
 */
@Path("admin/api/metrics")
public class MetricsResource {

    @Inject
    AdminToken adminToken;

    @Inject
    Sql db;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    @Operation(summary = "Operational figures (Prometheus text format)")
    @SecurityRequirement(name = "bearer")
    public String metrics(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!adminToken.matches(authorization)) throw new ClientError(Response.Status.UNAUTHORIZED, "error.forbidden");
        StringBuilder out = new StringBuilder();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(out, "jvm_heap_used_bytes", "Heap in use", heap.getUsed());
        gauge(out, "jvm_heap_max_bytes", "Largest heap the JVM may use", heap.getMax());
        gauge(out, "jvm_threads", "Live threads", ManagementFactory.getThreadMXBean().getThreadCount());
        gauge(out, "process_uptime_seconds", "Seconds since the JVM started", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        out.append("# HELP innovadores_scores Scores in the outbox by status\n# TYPE innovadores_scores gauge\n");
        db.query("SELECT status, COUNT(*) FROM score_outbox GROUP BY status ORDER BY status", row ->
                out.append("innovadores_scores{status=\"").append(row.getString(1).toLowerCase()).append("\"} ")
                        .append(row.getLong(2)).append('\n'));
        long[] sessions = new long[1];
        db.query("SELECT COUNT(*) FROM tool_session WHERE expires_at > ?", row -> sessions[0] = row.getLong(1),
                OffsetDateTime.now(ZoneOffset.UTC));
        gauge(out, "innovadores_sessions_open", "Sessions not yet expired", sessions[0]);
        // The queues an operator watches for being stuck: how much waits and since when.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        waiting(out, "innovadores_outbox", "Scores waiting for the LMS", "SELECT COUNT(*), MIN(created_at) FROM score_outbox WHERE status = 'PENDING'", now);
        waiting(out, "innovadores_jobs", "Background jobs queued or running", "SELECT COUNT(*), MIN(created_at) FROM job WHERE state IN ('QUEUED', 'RUNNING')", now);
        waiting(out, "innovadores_mails", "Notices waiting to be mailed", "SELECT COUNT(*), MIN(created_at) FROM notification WHERE mail_status = 'WAITING'", now);
        out.append(metrics.text());
        return out.toString();
    }

    /** A queue's depth ({name}_waiting) and the age of its oldest entry in seconds ({name}_oldest_age_seconds, 0 when empty). */
    private void waiting(StringBuilder out, String name, String help, String sql, OffsetDateTime now) {
        long[] figures = new long[2];
        db.query(sql, row -> {
            figures[0] = row.getLong(1);
            OffsetDateTime oldest = Sql.time(row, 2);
            figures[1] = oldest == null ? 0 : Math.max(0, java.time.Duration.between(oldest, now).toSeconds());
        });
        gauge(out, name + "_waiting", help, figures[0]);
        gauge(out, name + "_oldest_age_seconds", help + ": age of the oldest", figures[1]);
    }

    @Inject
    org.innovadores.runtime.Metrics metrics;

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
