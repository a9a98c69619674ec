package org.innovadores.demo;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.lti.Outbound;
import org.innovadores.lti.QueryString;
import org.innovadores.lti.ToolUrls;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * The demo LMS's pages: the course page that offers who to enter as, the page of the course with
 * the tool in its frame (as Moodle shows an LTI activity), the OIDC authorization endpoint that
 * answers the tool's login with a signed id_token, and the platform's JWKS. All of it answers only
 * in demo mode and only to this machine; otherwise it does not exist.
 */
@Path("demo")
public class DemoLmsResource {

    private static final Logger LOG = Logger.getLogger(DemoLmsResource.class.getName());

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    @Inject
    DemoMode mode;

    @Inject
    DemoPlatform platform;

    @Inject
    DemoCourse course;

    @Inject
    ToolUrls urls;

    @Inject
    Pages pages;

    @Context
    HttpServletRequest request;

    public record Entry(String key, DemoCourse.Person person) {
    }

    public record Lms(Page page, List<Entry> entries, List<DemoCourse.Person> others) {
    }

    public record InCourse(Page page, DemoCourse.Person person, String roleKey, String login) {
    }

    public record Answer(Page page, String redirectUri, String idToken, String state) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public String lms() {
        Texts t = open();
        List<Entry> entries = List.of("participant", "mentor", "instructor", "admin").stream()
                .map(key -> new Entry(key, course.entry(key).orElseThrow())).toList();
        List<DemoCourse.Person> others = course.people().stream()
                .filter(p -> p.role().equals("PARTICIPANT") && p.entry().isEmpty()).toList();
        return pages.render("demo/lms.jte", new Lms(Page.anonymous(t.get("demo.title"), t), entries, others));
    }

    /** The course page of the LMS with the tool in its frame, started by a third-party login (Security Framework §5.1.1). */
    @GET
    @Path("course")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public String inCourse(@QueryParam("as") String subject) {
        Texts t = open();
        DemoCourse.Person person = course.person(subject == null ? "" : subject)
                .orElseThrow(() -> ClientError.notFound("demo.error.person"));
        Map<String, String> login = new LinkedHashMap<>();
        login.put("iss", platform.issuer());
        login.put("login_hint", person.subject());
        login.put("target_link_uri", urls.base() + "/course");
        login.put("lti_message_hint", "program");
        login.put("client_id", DemoPlatform.CLIENT_ID);
        login.put("lti_deployment_id", DemoPlatform.DEPLOYMENT_ID);
        return pages.render("demo/course.jte", new InCourse(Page.anonymous(t.get("demo.course"), t), person,
                "demo.role." + person.role(), QueryString.append(urls.login(), login)));
    }

    /**
     * The authentication request of the tool's login (Security Framework §5.1.1.2): for the demo
     * client, back to the tool's own redirect URI, for someone of the demo course. Answered with the
     * form post of a signed id_token, as a platform answers.
     */
    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public String authorize(@QueryParam("scope") String scope, @QueryParam("response_type") String responseType,
                            @QueryParam("response_mode") String responseMode, @QueryParam("client_id") String clientId,
                            @QueryParam("redirect_uri") String redirectUri, @QueryParam("login_hint") String loginHint,
                            @QueryParam("state") String state, @QueryParam("nonce") String nonce,
                            @QueryParam("prompt") String prompt) {
        Texts t = open();
        if (!"openid".equals(scope) || !"id_token".equals(responseType) || !"form_post".equals(responseMode)
                || !"none".equals(prompt) || !DemoPlatform.CLIENT_ID.equals(clientId) || !urls.launch().equals(redirectUri)
                || state == null || state.isBlank() || state.length() > 200 || nonce == null || nonce.isBlank() || nonce.length() > 200) {
            LOG.info("Demo LMS: an authentication request it did not issue was refused");
            throw ClientError.badRequest("demo.error.request");
        }
        DemoCourse.Person person = course.person(loginHint == null ? "" : loginHint)
                .orElseThrow(() -> ClientError.badRequest("demo.error.person"));
        String idToken = platform.sign(claims(person, t.lang()), nonce);
        return pages.render("demo/answer.jte", new Answer(Page.anonymous(t.get("demo.title"), t), redirectUri, idToken, state));
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response jwks() {
        open();
        return Response.ok(platform.jwks()).build();
    }

    /** What Moodle sends for a resource link of a course (LTI Core §5.3, §5.4), in the visitor's language. */
    private Map<String, Object> claims(DemoCourse.Person person, String lang) {
        Map<String, Object> claims = new LinkedHashMap<>();
        String[] names = person.name().split(" ", 2);
        claims.put("sub", person.subject());
        claims.put("name", person.name());
        claims.put("given_name", names[0]);
        claims.put("family_name", names.length > 1 ? names[1] : "");
        claims.put("locale", lang);
        String lti = "https://purl.imsglobal.org/spec/lti/claim/";
        claims.put(lti + "message_type", "LtiResourceLinkRequest");
        claims.put(lti + "version", "1.3.0");
        claims.put(lti + "target_link_uri", urls.base() + "/course");
        claims.put(lti + "roles", switch (person.role()) {
            case "MENTOR" -> List.of(MENTOR);
            case "INSTRUCTOR" -> List.of(INSTRUCTOR);
            case "ADMIN" -> List.of(ADMINISTRATOR, INSTRUCTOR);
            default -> List.of(LEARNER);
        });
        claims.put(lti + "context", Map.of("id", course.contextId(), "label", "PIP-DEMO",
                "title", "Programa de Innovadores Públicos (demostración)", "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")));
        claims.put(lti + "resource_link", Map.of("id", "demo-program", "title", "Programa de Innovadores Públicos"));
        claims.put(lti + "launch_presentation", Map.of("document_target", "iframe", "locale", lang, "return_url", urls.base() + "/demo"));
        claims.put(lti + "tool_platform", Map.of("guid", "innovadores-demo", "name", "LMS de demostración", "product_family_code", "demo"));
        return claims;
    }

    /** Not in demo mode, or asked from anywhere but this machine: there is no demo LMS. */
    private Texts open() {
        if (!mode.enabled() || !Outbound.isLoopbackHost(request.getLocalAddr()) || !Outbound.isLoopbackHost(request.getRemoteAddr())) {
            throw ClientError.notFound("error.notFound");
        }
        return Texts.forAcceptLanguage(request.getHeader("Accept-Language"));
    }
}
