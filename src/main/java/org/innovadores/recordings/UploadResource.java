package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;

/**
 * Resumable uploads for big recordings, in the manner of the tus protocol: POST creates an upload
 * with its final length and answers where to send the bytes (with a token for that upload only);
 * HEAD says how many bytes the tool has; PATCH appends bytes at the offset the client names, which
 * must be the one the tool has. A dropped connection loses nothing that arrived: ask with HEAD, go on.
 */
@ApplicationScoped
@Path("course/authoring/uploads")
public class UploadResource {

    static final String OFFSET = "Upload-Offset";
    static final String LENGTH = "Upload-Length";

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    CourseProgram courses;

    @Inject
    RecordingsResource recordings;

    @Inject
    Uploads uploads;

    @Context
    HttpHeaders headers;

    static String scope(UUID upload) {
        return "upload:" + upload;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response create(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("module") String moduleKey,
                           @FormParam("workshop") String workshopKey, @FormParam("kind") String kind,
                           @FormParam("title") String title, @FormParam("language") String language,
                           @FormParam("file_name") String fileName, @FormParam("size") String size) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        RecordingsResource.Target target = recordings.target(visit, moduleKey, workshopKey);
        long length;
        try {
            length = Long.parseLong(size == null ? "" : size.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("recordings.error.size");
        }
        try {
            Uploads.Upload upload = uploads.create(target.program().id(), target.moduleKey(), target.workshopKey(),
                    RecordingsResource.kind(kind), RecordingsResource.title(title, fileName), RecordingsResource.language(language),
                    fileName, length, visit.session().subject());
            String location = "/course/authoring/uploads/" + upload.id() + "?u="
                    + sessions.scopedToken(visit.session(), scope(upload.id()));
            return Response.status(Response.Status.CREATED).header("Location", location).header(OFFSET, 0)
                    .entity("{\"upload\":\"" + upload.id() + "\",\"location\":\"" + location + "\"}").build();
        } catch (Uploads.Refused refused) {
            throw new ClientError(Response.Status.fromStatusCode(refused.status), refused.messageKey, refused.args);
        }
    }

    @HEAD
    @Path("{id}")
    @Operation(hidden = true)
    public Response offset(@PathParam("id") String id, @QueryParam("u") String token) {
        Uploads.Upload upload = upload(id, token);
        return Response.ok().header(OFFSET, upload.received()).header(LENGTH, upload.size())
                .header("Cache-Control", "no-store").build();
    }

    @PATCH
    @Path("{id}")
    @Consumes("application/offset+octet-stream")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response append(@PathParam("id") String id, @QueryParam("u") String token, @HeaderParam(OFFSET) String offset,
                           InputStream body) throws IOException {
        Uploads.Upload upload = upload(id, token);
        long at;
        try {
            at = Long.parseLong(offset == null ? "" : offset.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("recordings.error.offsetHeader");
        }
        try {
            Uploads.Upload now = uploads.append(upload, at, body);
            if (!now.complete()) return Response.noContent().header(OFFSET, now.received()).build();
            MediaAsset asset = uploads.finish(now);
            return Response.status(Response.Status.CREATED).header(OFFSET, now.received())
                    .entity("{\"asset\":\"" + asset.id() + "\"}").build();
        } catch (Uploads.Refused refused) {
            Response.Status status = Response.Status.fromStatusCode(refused.status);
            throw new ClientError(status == null ? Response.Status.BAD_REQUEST : status, refused.messageKey, refused.args);
        }
    }

    /** The upload a token was issued for, to an instructor of its course. */
    private Uploads.Upload upload(String id, String token) {
        UUID uuid = Ids.uuid(id);
        ToolSession session = sessions.resolveScoped(token, scope(uuid))
                .orElseThrow(() -> new ClientError(Response.Status.UNAUTHORIZED, "error.session"));
        if (!CourseProgram.canAuthor(session)) throw ClientError.forbidden("program.error.notInstructor");
        return uploads.find(uuid).orElseThrow(() -> ClientError.notFound("error.notFound"));
    }
}
