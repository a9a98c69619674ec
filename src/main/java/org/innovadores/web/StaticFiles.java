package org.innovadores.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The tool's own stylesheet and scripts, from a fixed list: no path from the request reaches the file system. */
@jakarta.enterprise.context.ApplicationScoped
@Path("static")
public class StaticFiles {

    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("tool.css", "text/css; charset=UTF-8"),
            Map.entry("registration-close.js", "text/javascript; charset=UTF-8"),
            Map.entry("lti-storage.js", "text/javascript; charset=UTF-8"),
            Map.entry("autosubmit.js", "text/javascript; charset=UTF-8"),
            Map.entry("player.js", "text/javascript; charset=UTF-8"),
            Map.entry("uploader.js", "text/javascript; charset=UTF-8"),
            Map.entry("autosave.js", "text/javascript; charset=UTF-8"),
            Map.entry("rows.js", "text/javascript; charset=UTF-8"),
            Map.entry("frame.js", "text/javascript; charset=UTF-8"),
            Map.entry("copy.js", "text/javascript; charset=UTF-8"),
            Map.entry("demo-lms.js", "text/javascript; charset=UTF-8"));

    private static final Map<String, byte[]> CONTENT = load();

    private static Map<String, byte[]> load() {
        var loaded = new java.util.HashMap<String, byte[]>();
        for (String name : FILES.keySet()) {
            try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
                if (in == null) throw new IllegalStateException("Missing static file " + name);
                loaded.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(loaded);
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @Path("{name}")
    public Response file(@PathParam("name") String name) {
        byte[] content = CONTENT.get(name);
        if (content == null) {
            throw ClientError.notFound("error.notFound");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(content, FILES.get(name)).cacheControl(cache).build();
    }
}
