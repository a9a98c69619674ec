package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;

/**
 * Serves files attached to modules, only to people of the course that owns them (and files of a
 * draft module only to its instructors). An unknown id and someone else's file look the same: 404.
 */
@ApplicationScoped
@Path("course/files")
public class FilesResource {

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    Attachments attachments;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response file(@QueryParam("s") String token, @PathParam("id") String id) {
        Visit visit = courses.visit(token, headers);
        UUID uuid = Ids.uuid(id);
        Program program = visit.requireProgram();
        Attachment attachment = attachments.find(uuid)
                .filter(a -> programs.listing(program, true, visit.session().subject()).stream().map(Programs.Listed::module)
                        .anyMatch(m -> m.id().equals(a.moduleId())
                        && (m.published() || visit.canAuthor())))
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        java.nio.file.Path path = attachments.file(attachment);
        String encoded = URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String disposition = (attachment.inline() ? "inline" : "attachment") + "; filename*=UTF-8''" + encoded;
        java.util.Optional<java.net.URI> elsewhere = attachments.direct(attachment, disposition);
        if (elsewhere.isPresent()) return Response.seeOther(elsewhere.get()).header("Cache-Control", "no-store").build();
        if (!Files.isRegularFile(path)) throw ClientError.notFound("error.notFound");
        return Response.ok(path.toFile(), attachment.contentType())
                .header("Content-Length", attachment.size())
                .header("Content-Disposition", disposition)
                .header("Cache-Control", "private, max-age=3600")
                .header("ETag", "\"" + attachment.sha256() + "\"")
                .build();
    }
}
