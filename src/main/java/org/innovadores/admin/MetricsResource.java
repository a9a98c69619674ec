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
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
