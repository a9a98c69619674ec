package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.HttpServletRequest;
import org.innovadores.audit.AuditLog;
import org.innovadores.runtime.RateLimiter;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * LTI Dynamic Registration 1.0: the URL an LMS admin pastes. The LMS opens it with
 * openid_configuration and registration_token; the tool shows what it is about to register, and on
 * confirmation registers itself with the platform and closes the LMS's dialog.
 */
@jakarta.enterprise.context.ApplicationScoped
@Path("lti/register")
public class DynamicRegistrationResource {

    private static final Logger LOG = Logger.getLogger(DynamicRegistrationResource.class.getName());
    private static final int MAX_BODY = 256 * 1024;
    private static final Set<String> TOOL_SCOPES = Set.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

    /** Registration is rare: per address, a burst of twice the minute's rate, then that rate. */
    @Inject
    @ConfigProperty(name = "lti.registration.rate-per-minute", defaultValue = "10")
    int ratePerMinute;

    private RateLimiter perAddress;

    @jakarta.annotation.PostConstruct
    void limits() {
        perAddress = new RateLimiter(2 * ratePerMinute, ratePerMinute);
    }

    @Inject
    Outbound http;

    @Inject
    @ConfigProperty(name = "lti.registration.open", defaultValue = "false")
    boolean open;

    @Inject
    @ConfigProperty(name = "lti.registration.max-platforms", defaultValue = "500")
    int maxPlatforms;

    @Inject
    HttpServletRequest servletRequest;

    /** Open registration lets anyone who can reach the tool register a platform: say so at every start. */
    void announce(@Observes @Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object started) {
        if (open) {
            LOG.warning("Dynamic registration is OPEN (lti.registration.open=true): anyone who reaches /lti/register can "
                    + "register a platform. This is for development only; production uses one-time registration links.");
        }
    }

    @Inject
    RegistrationTickets tickets;

    @Inject
    PlatformRegistry registry;

    @Inject
    ToolUrls urls;

    @Inject
    Pages pages;

    @Inject
    AuditLog audit;

    public record Confirm(Page page, String issuer, String product, String openidConfiguration,
                          String registrationToken, String ticket) {
    }

    public record Done(Page page, String issuer, String clientId, String deploymentId) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public String confirm(@QueryParam("openid_configuration") String openidConfiguration,
                          @QueryParam("registration_token") String registrationToken,
                          @QueryParam("ticket") String ticket) {
        allowed(ticket);
        JsonObject configuration = platformConfiguration(openidConfiguration);
        Texts t = texts();
        JsonObject product = configuration.getJsonObject("https://purl.imsglobal.org/spec/lti-platform-configuration");
        String productName = product == null ? "" : PlatformQuirks.productName(product.getString("product_family_code", ""), product.getString("version", ""));
        return pages.render("lti/register-confirm.jte", new Confirm(Page.anonymous(t.get("register.title"), t),
                configuration.getString("issuer"), productName.strip(), openidConfiguration, registrationToken, ticket));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public String register(@FormParam("openid_configuration") String openidConfiguration,
                           @FormParam("registration_token") String registrationToken,
                           @FormParam("ticket") String ticket) {
        // The platform being registered shows these pages in its own dialog: it may frame them.
        if (openidConfiguration != null) servletRequest.setAttribute(FramingPolicy.REGISTERING, openidConfiguration);
        allowed(ticket);
        if (registrationToken == null || registrationToken.isBlank() || registrationToken.length() > 8192) {
            throw ClientError.badRequest("register.error.token");
        }
        JsonObject configuration = platformConfiguration(openidConfiguration);
        String issuer = configuration.getString("issuer");
        try {
            http.checkOnHostsOf(configuration.getString("registration_endpoint"), issuer);
        } catch (Outbound.Refused refused) {
            LOG.info(() -> "Registration endpoint refused: " + refused.getMessage());
            throw ClientError.badRequest("register.error.configuration");
        }
        String registeredBy = null;
        if (!open) {
            registeredBy = tickets.use(ticket, issuer).orElseThrow(() -> ClientError.forbidden("register.error.ticket"));
        }
        JsonObject answer = postRegistration(configuration, registrationToken);
        String clientId = answer.getString("client_id", null);
        if (clientId == null || clientId.isBlank()) throw ClientError.badRequest("register.error.platformAnswer");
        JsonObject toolConfiguration = answer.getJsonObject("https://purl.imsglobal.org/spec/lti-tool-configuration");
        String deploymentId = toolConfiguration == null ? null : toolConfiguration.getString("deployment_id", null);
        PlatformRegistration registration = new PlatformRegistration(issuer, clientId, issuer,
                configuration.getString("authorization_endpoint"), configuration.getString("token_endpoint", null),
                configuration.getString("jwks_uri"), deploymentId == null ? List.of() : List.of(deploymentId));
        if (!registration.problems(http::plainHttpAllowed).isEmpty()) throw ClientError.badRequest("register.error.configuration");
        // A registration never replaces another's endpoints: that is a change an administrator makes.
        if (registry.platform(issuer, clientId).isPresent()) {
            LOG.warning(() -> "Registration refused: " + issuer + " client " + clientId + " is already registered");
            throw new ClientError(Response.Status.CONFLICT, "register.error.exists");
        }
        registry.register(registration, Platform.Source.DYNAMIC, registeredBy);
        audit.record(open ? "open-registration" : "ticket", "platform.registered",
                "issuer=" + issuer + " client_id=" + clientId + " deployment_id=" + deploymentId);
        LOG.info(() -> "Registered platform " + issuer + " client " + clientId + " by dynamic registration");
        Texts t = texts();
        return pages.render("lti/register-done.jte",
                new Done(Page.anonymous(t.get("register.done"), t), issuer, clientId, deploymentId));
    }

    /** Before any session: the browser's language. */
    private Texts texts() {
        return Texts.forAcceptLanguage(servletRequest.getHeader("Accept-Language"));
    }

    /** Cheap checks first: the rate per address, then the ticket, before anything is fetched. */
    private void allowed(String ticket) {
        if (!perAddress.allow(servletRequest.getRemoteAddr())) {
            throw new ClientError(Response.Status.TOO_MANY_REQUESTS, "error.tooMany");
        }
        if (!open && !tickets.usable(ticket)) throw ClientError.forbidden("register.error.ticket");
        if (registry.count() >= maxPlatforms) {
            LOG.warning(() -> "Registration refused: the tool already has " + maxPlatforms + " platforms (lti.registration.max-platforms)");
            throw ClientError.forbidden("register.error.full");
        }
    }

    /** Dynamic Registration §3.4: fetch the configuration; its issuer must be the URL's origin. */
    private JsonObject platformConfiguration(String url) {
        List<String> problems = new ArrayList<>();
        PlatformRegistration.urlProblem("openid_configuration", url, problems, http::plainHttpAllowed);
        if (!problems.isEmpty() || url.length() > 2000) throw ClientError.badRequest("register.error.configurationUrl");
        JsonObject configuration;
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) throw ClientError.badRequest("register.error.configurationFetch");
            configuration = json(response.body());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClientError c) throw c;
            LOG.info(() -> "Platform configuration at " + url + " unusable: " + e);
            throw ClientError.badRequest("register.error.configurationFetch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientError.badRequest("register.error.configurationFetch");
        }
        String issuer = string(configuration, "issuer");
        if (issuer == null || !PlatformQuirks.issuerServedBy(issuer, url)) {
            throw ClientError.badRequest("register.error.issuer");
        }
        for (String field : List.of("authorization_endpoint", "jwks_uri", "registration_endpoint")) {
            if (string(configuration, field) == null) throw ClientError.badRequest("register.error.configuration");
        }
        return configuration;
    }

    /** Dynamic Registration §3.5: the tool's client registration, with the registration token as bearer. */
    private JsonObject postRegistration(JsonObject configuration, String registrationToken) {
        JsonArrayBuilder supported = Json.createArrayBuilder();
        JsonValue scopes = configuration.get("scopes_supported");
        List<String> granted = new ArrayList<>();
        if (scopes instanceof jakarta.json.JsonArray array) {
            for (JsonValue scope : array) {
                if (scope instanceof JsonString s && TOOL_SCOPES.contains(s.getString())) granted.add(s.getString());
            }
        }
        granted.forEach(supported::add);
        String target = urls.base() + "/course";
        JsonObjectBuilder toolConfiguration = Json.createObjectBuilder()
                .add("domain", urls.domain())
                .add("target_link_uri", target)
                .add("description", "Programa de Innovadores Públicos")
                .add("claims", Json.createArrayBuilder().add("iss").add("sub").add("name").add("email"))
                .add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest").add("target_link_uri", target))
                        .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest").add("target_link_uri", target)
                                .add("label", "Innovadores Públicos")));
        JsonObject platform = configuration.getJsonObject("https://purl.imsglobal.org/spec/lti-platform-configuration");
        PlatformQuirks.addToToolConfiguration(platform == null ? "" : platform.getString("product_family_code", ""), toolConfiguration, target);
        JsonObject request = Json.createObjectBuilder()
                .add("application_type", "web")
                .add("response_types", Json.createArrayBuilder().add("id_token"))
                .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
                .add("initiate_login_uri", urls.login())
                .add("redirect_uris", Json.createArrayBuilder().add(urls.launch()))
                .add("client_name", "Innovadores Públicos")
                .add("jwks_uri", urls.jwks())
                .add("token_endpoint_auth_method", "private_key_jwt")
                .add("scope", String.join(" ", granted))
                .add("https://purl.imsglobal.org/spec/lti-tool-configuration", toolConfiguration)
                .build();
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(configuration.getString("registration_endpoint")))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + registrationToken)
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                LOG.info(() -> "Platform refused the registration with status " + response.statusCode());
                throw ClientError.badRequest("register.error.platformRefused");
            }
            return json(response.body());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClientError c) throw c;
            throw ClientError.badRequest("register.error.platformAnswer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientError.badRequest("register.error.platformAnswer");
        }
    }

    private static JsonObject json(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) throw new IOException("answer larger than " + MAX_BODY + " bytes");
            try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                return reader.readObject();
            }
        }
    }

    private static String string(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

}
