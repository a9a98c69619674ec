package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tool's public keys (Security Framework §6.3): next, current and retired-in-overlap, each with kid, alg, use. */
@Path("lti/jwks")
public class JwksResource {

    @Inject
    ToolKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tool's public JSON Web Key Set", description = "Platforms verify the tool's JWTs "
            + "(deep linking responses, service client assertions) with these keys.")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicKeys().toString(true)).cacheControl(cache).build();
    }
}
