package org.innovadores;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The tool's HTTP surface: server-rendered pages and the LTI endpoints, all at the root. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(
        title = "Innovadores Públicos LTI tool",
        version = "0.1",
        description = "LTI 1.3 tool for the Programa de Innovadores Públicos. JSON endpoints for "
                + "LMS registration (JWKS) and administration."))
public class ToolApplication extends Application {

    @Override
    public java.util.Map<String, Object> getProperties() {
        // Redirects keep the relative Location the tool writes, right behind any reverse proxy.
        // No WADL: it would list every endpoint, hidden ones included, to anyone sending OPTIONS.
        return java.util.Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true,
                "jersey.config.server.wadl.disableWadl", true);
    }
}
