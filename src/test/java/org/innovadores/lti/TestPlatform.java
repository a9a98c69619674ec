package org.innovadores.lti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * An LTI platform for the tests, inside the test JVM: it serves, per named tenant, an
 * openid-configuration, a JWKS, a dynamic registration endpoint and an authorization endpoint, and
 * signs id_tokens with jose4j, a different JOSE library from the tool's, so that the two sides never
 * share one implementation's mistakes.
 */
public final class TestPlatform {

    private static TestPlatform instance;

    private final HttpServer server;
    private final String base;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    private TestPlatform(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/p/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        base = "http://127.0.0.1:" + port;
        this.port = port;
    }

    private final int port;
    private int nextHost = 2;

    /**
     * A tenant that acts as another LMS: its tokens name that LMS's issuer, client and deployment (from
     * a fixture of what the LMS sends), while its endpoints are served here.
     */
    public Tenant tenantActingAs(String name, String iss, String clientId, String deploymentId) {
        return tenants.computeIfAbsent(name, n -> new Tenant(base + "/p/" + n, iss, clientId, deploymentId));
    }

    /**
     * A tenant served from an origin of its own (127.0.0.2, 127.0.0.3… on the same port), as a Moodle on
     * another host of the local network is to the tool: another origin and site than every other tenant.
     */
    public synchronized Tenant tenantElsewhere(String name) {
        Tenant known = tenants.get(name);
        if (known != null) return known;
        String address = "127.0.0." + nextHost++;
        try {
            HttpServer host = HttpServer.create(new InetSocketAddress(address, port), 50);
            host.createContext("/p/", this::handle);
            host.setExecutor(Executors.newFixedThreadPool(4));
            host.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tenant tenant = new Tenant("http://" + address + ":" + port + "/p/" + name, "client-" + name, "deployment-" + name);
        tenants.put(name, tenant);
        return tenant;
    }

    public static synchronized TestPlatform get() {
        if (instance == null) {
            try {
                instance = new TestPlatform(Integer.getInteger("it.platform.port", 18700));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A tenant: one issuer with one client and deployment, created on first use. */
    public Tenant tenant(String name) {
        return tenants.computeIfAbsent(name, n -> new Tenant(base + "/p/" + n, "client-" + n, "deployment-" + n));
    }

    /** A tenant whose client and deployment ids are given, e.g. those of a captured Moodle. */
    public Tenant tenant(String name, String clientId, String deploymentId) {
        return tenants.computeIfAbsent(name, n -> new Tenant(base + "/p/" + n, clientId, deploymentId));
    }

    public static final class Tenant {
        /** Where this tenant's endpoints are served (and, for most tenants, its issuer too). */
        public final String issuer;
        /** The issuer its tokens and logins name: another LMS's (https://canvas.instructure.com) for a fixture tenant. */
        public final String iss;
        public final String clientId;
        public final String deploymentId;
        private final List<RsaJsonWebKey> keys = new ArrayList<>();
        private volatile RsaJsonWebKey signing;
        /** How many times the tool fetched this tenant's JWKS. */
        public final java.util.concurrent.atomic.AtomicInteger jwksFetches = new java.util.concurrent.atomic.AtomicInteger();
        public volatile String registrationToken = "registration-token-" + System.nanoTime();
        public volatile Map<String, Object> lastRegistrationRequest;
        public volatile String lastRegistrationAuthorization;
        /** Claims the authorization endpoint puts in the id_token it answers a browser with. */
        public volatile Map<String, Object> browserLaunchClaims;
        /** The JWTs of LtiDeepLinkingResponses that browsers posted back, as received. */
        public final List<String> deepLinkingResponses = new java.util.concurrent.CopyOnWriteArrayList<>();

        // LTI Advantage services: what the tool asked for, and how the platform answers.
        public final java.util.concurrent.atomic.AtomicInteger tokenRequests = new java.util.concurrent.atomic.AtomicInteger();
        public final List<Map<String, Object>> assertions = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Scores received: the request path with its query, and the score's JSON. */
        public final List<Map<String, Object>> scores = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final List<Map<String, Object>> createdLineItems = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final List<Map<String, Object>> updatedLineItems = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** 0: answer normally; 500: answer 500; -1: hold the request past the tool's timeout. */
        public volatile int scoreFailure;
        /** Users the gradebook refuses with a 400, as Moodle does for a user not gradable in the course. */
        public final java.util.Set<String> ungradable = java.util.concurrent.ConcurrentHashMap.newKeySet();
        public volatile int rosterSize = 0;
        /** When set, the id a new line item gets (a platform answering nonsense). */
        public volatile String lineItemId;
        /** When set, the JWKS URL answers a redirect to this location instead of the keys. */
        public volatile String jwksRedirect;
        /** When set, the registration endpoint the configuration names. */
        public volatile String registrationEndpoint;
        public final java.util.concurrent.atomic.AtomicInteger rosterPages = new java.util.concurrent.atomic.AtomicInteger();

        /** The AGS and NRPS claims a launch of this platform carries, with a line item when given. */
        public Map<String, Object> serviceClaims(String lineItem) {
            Map<String, Object> ags = new LinkedHashMap<>();
            ags.put("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
            ags.put("lineitems", issuer + "/lineitems?type_id=1");
            if (lineItem != null) ags.put("lineitem", lineItem);
            return Map.of("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags,
                    "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                    Map.of("context_memberships_url", issuer + "/memberships", "service_versions", List.of("2.0")));
        }

        Tenant(String issuer, String clientId, String deploymentId) {
            this(issuer, issuer, clientId, deploymentId);
        }

        Tenant(String base, String iss, String clientId, String deploymentId) {
            this.issuer = base;
            this.iss = iss;
            this.clientId = clientId;
            this.deploymentId = deploymentId;
            rotateKey();
        }

        /** Publishes a new key with a new kid and signs with it from now on. */
        public synchronized RsaJsonWebKey rotateKey() {
            try {
                RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("kid-" + keys.size() + "-" + System.nanoTime());
                key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                key.setUse("sig");
                keys.add(key);
                signing = key;
                return key;
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        public String openidConfigurationUrl() {
            return issuer + "/.well-known/openid-configuration";
        }

        public String authorizationEndpoint() {
            return issuer + "/auth";
        }

        /** A valid LtiResourceLinkRequest's claims for this tenant. */
        public Map<String, Object> resourceLinkClaims(String nonce) {
            Map<String, Object> claims = new LinkedHashMap<>();
            long now = Instant.now().getEpochSecond();
            claims.put("iss", iss);
            claims.put("aud", clientId);
            claims.put("sub", "user-7");
            claims.put("nonce", nonce);
            claims.put("iat", now);
            claims.put("exp", now + 60);
            claims.put("name", "Ana Pérez");
            claims.put("email", "ana@example.org");
            claims.put(LtiClaims.DEPLOYMENT_ID, deploymentId);
            claims.put(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest");
            claims.put(LtiClaims.VERSION, "1.3.0");
            claims.put(LtiClaims.TARGET_LINK_URI, "http://localhost:" + Integer.getInteger("it.http.port", 18080) + "/course");
            claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
            claims.put(LtiClaims.RESOURCE_LINK, Map.of("id", "link-1", "title", "Módulo 1"));
            claims.put(LtiClaims.CONTEXT, Map.of("id", "course-" + clientId, "title", "Innovadores 2026", "type",
                    List.of("CourseSection")));
            claims.put(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "es", "document_target", "iframe"));
            return claims;
        }

        public String sign(Map<String, Object> claims) {
            return sign(claims, signing, signing.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
        }

        public static String sign(Map<String, Object> claims, java.security.Key key, String kid, String algorithm) {
            try {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(JsonUtil.toJson(claims));
                jws.setKey(key instanceof RsaJsonWebKey rsa ? rsa.getPrivateKey() : key);
                if (kid != null) jws.setKeyIdHeaderValue(kid);
                jws.setHeader("typ", "JWT");
                jws.setAlgorithmHeaderValue(algorithm);
                jws.setDoKeyValidation(false);
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        public String sign(Map<String, Object> claims, RsaJsonWebKey key, String kid, String algorithm) {
            return sign(claims, key.getPrivateKey(), kid, algorithm);
        }

        String jwks() {
            return new JsonWebKeySet(new ArrayList<JsonWebKey>(keys)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/", 4); // "", "p", name, rest
            Tenant tenant = parts.length > 2 ? tenants.get(parts[2]) : null;
            String rest = parts.length > 3 ? parts[3] : "";
            if (tenant == null) {
                respond(exchange, 404, "text/plain", "no such tenant");
                return;
            }
            switch (rest) {
                case ".well-known/openid-configuration" -> respond(exchange, 200, "application/json", JsonUtil.toJson(configuration(tenant)));
                case "jwks" -> {
                    tenant.jwksFetches.incrementAndGet();
                    if (tenant.jwksRedirect != null) {
                        exchange.getResponseHeaders().add("Location", tenant.jwksRedirect);
                        respond(exchange, 302, "text/plain", "moved");
                    } else {
                        respond(exchange, 200, "application/json", tenant.jwks());
                    }
                }
                case "register" -> register(exchange, tenant);
                case "auth" -> authorize(exchange, tenant);
                case "lms" -> lmsPage(exchange, tenant);
                case "deep-linking-return" -> deepLinkingReturn(exchange, tenant);
                case "tool-registration" -> toolRegistrationPage(exchange, tenant);
                case "token" -> token(exchange, tenant);
                case "lineitems" -> createLineItem(exchange, tenant);
                case "memberships" -> memberships(exchange, tenant);
                default -> {
                    if (rest.startsWith("lineitems/") && rest.endsWith("/scores")) score(exchange, tenant, rest);
                    else if (rest.startsWith("lineitems/") && rest.endsWith("/lineitem") && "PUT".equals(exchange.getRequestMethod())
                            && authorised(exchange)) {
                        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                        Map<String, Object> item = new LinkedHashMap<>(JsonUtil.parseJson(body));
                        item.put("_path", exchange.getRequestURI().getRawPath());
                        tenant.updatedLineItems.add(item);
                        respond(exchange, 200, "application/vnd.ims.lis.v2.lineitem+json", body);
                    } else respond(exchange, 404, "text/plain", "not found");
                }
            }
        } catch (RuntimeException | JoseException e) {
            e.printStackTrace();
        }
    }

    /** Client credentials with a JWT client assertion, checked against the tool's published keys. */
    private static void token(HttpExchange exchange, Tenant tenant) throws IOException {
        tenant.tokenRequests.incrementAndGet();
        Map<String, String> form = query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        try {
            String jwks = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://localhost:" + Integer.getInteger("it.http.port", 18080) + "/lti/jwks")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                    .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(
                            new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .setExpectedIssuer(tenant.clientId).setExpectedSubject(tenant.clientId).setExpectedAudience(tenant.issuer + "/token")
                    .setRequireExpirationTime().setRequireJwtId().build().process(form.get("client_assertion")).getJwtClaims();
            if (!"client_credentials".equals(form.get("grant_type"))
                    || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
                respond(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
                return;
            }
            Map<String, Object> seen = new LinkedHashMap<>(claims.getClaimsMap());
            seen.put("scope", form.get("scope"));
            tenant.assertions.add(seen);
            respond(exchange, 200, "application/json", JsonUtil.toJson(Map.of("access_token", "token-" + tenant.tokenRequests.get(),
                    "token_type", "Bearer", "expires_in", 3600, "scope", form.get("scope"))));
        } catch (Exception refused) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
        }
    }

    private static boolean authorised(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer token-");
    }

    private static void createLineItem(HttpExchange exchange, Tenant tenant) throws IOException, JoseException {
        if (!authorised(exchange) || !"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 401, "application/json", "{}");
            return;
        }
        Map<String, Object> item = new LinkedHashMap<>(JsonUtil.parseJson(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        String id = tenant.lineItemId != null ? tenant.lineItemId
                : tenant.issuer + "/lineitems/" + (100 + tenant.createdLineItems.size()) + "/lineitem?type_id=1";
        item.put("id", id);
        tenant.createdLineItems.add(item);
        respond(exchange, 201, "application/vnd.ims.lis.v2.lineitem+json", JsonUtil.toJson(item));
    }

    private static void score(HttpExchange exchange, Tenant tenant, String rest) throws IOException, JoseException {
        if (!authorised(exchange)) {
            respond(exchange, 401, "application/json", "{}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int failure = tenant.scoreFailure;
        if (failure == -1) {
            try {
                Thread.sleep(15_000); // longer than the tool waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 504, "text/plain", "too late");
            return;
        }
        if (failure != 0) {
            respond(exchange, failure, "text/plain", "gradebook unavailable");
            return;
        }
        Map<String, Object> score = JsonUtil.parseJson(body);
        if (tenant.ungradable.contains(String.valueOf(score.get("userId")))) {
            respond(exchange, 400, "application/json", "{\"error\":\"User is not gradable in this course\"}");
            return;
        }
        Map<String, Object> received = new LinkedHashMap<>(score);
        String query = exchange.getRequestURI().getRawQuery();
        received.put("_path", exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        received.put("_type", exchange.getRequestHeaders().getFirst("Content-Type"));
        tenant.scores.add(received);
        respond(exchange, 204, "text/plain", "");
    }

    /** The roster, in pages of 50 with a Link to the next. */
    private static void memberships(HttpExchange exchange, Tenant tenant) throws IOException {
        if (!authorised(exchange)) {
            respond(exchange, 401, "application/json", "{}");
            return;
        }
        tenant.rosterPages.incrementAndGet();
        int page = Integer.parseInt(query(exchange.getRequestURI()).getOrDefault("page", "0"));
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = page * 50; i < Math.min(tenant.rosterSize, (page + 1) * 50); i++) {
            members.add(Map.of("user_id", "roster-" + i, "name", "Persona " + i, "email", "persona" + i + "@example.gov.py",
                    "status", "Active", "roles",
                    List.of(i % 40 == 0 ? "Instructor" : "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
        }
        if ((page + 1) * 50 < tenant.rosterSize) {
            exchange.getResponseHeaders().add("Link", "<" + tenant.issuer + "/memberships?page=" + (page + 1) + ">; rel=\"next\"");
        }
        respond(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", JsonUtil.toJson(Map.of(
                "id", tenant.issuer + "/memberships", "context", Map.of("id", "course"), "members", members)));
    }

    private static Map<String, Object> configuration(Tenant tenant) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("issuer", tenant.issuer);
        c.put("authorization_endpoint", tenant.authorizationEndpoint());
        c.put("token_endpoint", tenant.issuer + "/token");
        c.put("jwks_uri", tenant.issuer + "/jwks");
        c.put("registration_endpoint", tenant.registrationEndpoint != null ? tenant.registrationEndpoint : tenant.issuer + "/register");
        c.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        c.put("scopes_supported", List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        c.put("response_types_supported", List.of("id_token"));
        c.put("id_token_signing_alg_values_supported", List.of("RS256"));
        c.put("https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of("product_family_code", "testplatform", "version", "1.0",
                        "messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest"),
                                Map.of("type", "LtiDeepLinkingRequest"))));
        return c;
    }

    private static void register(HttpExchange exchange, Tenant tenant) throws IOException, JoseException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tenant.lastRegistrationAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + tenant.registrationToken).equals(tenant.lastRegistrationAuthorization)) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> request = JsonUtil.parseJson(body);
        tenant.lastRegistrationRequest = request;
        Map<String, Object> answer = new LinkedHashMap<>(request);
        answer.put("client_id", tenant.clientId);
        @SuppressWarnings("unchecked")
        Map<String, Object> toolConfiguration = new LinkedHashMap<>(
                (Map<String, Object>) request.get("https://purl.imsglobal.org/spec/lti-tool-configuration"));
        toolConfiguration.put("deployment_id", tenant.deploymentId);
        answer.put("https://purl.imsglobal.org/spec/lti-tool-configuration", toolConfiguration);
        respond(exchange, 200, "application/json", JsonUtil.toJson(answer));
    }

    /** What a platform's OIDC authorization endpoint does: form-post an id_token for the login to the redirect URI. */
    private static void authorize(HttpExchange exchange, Tenant tenant) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        Map<String, Object> claims = new LinkedHashMap<>(tenant.browserLaunchClaims != null
                ? tenant.browserLaunchClaims : tenant.resourceLinkClaims(query.get("nonce")));
        claims.put("nonce", query.get("nonce"));
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + 60);
        String idToken = tenant.sign(claims);
        String html = "<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\"" + query.get("redirect_uri") + "\">"
                + "<input type=\"hidden\" name=\"id_token\" value=\"" + idToken + "\">"
                + "<input type=\"hidden\" name=\"state\" value=\"" + query.get("state") + "\">"
                + "</form><script>document.getElementById('f').submit();</script></body></html>";
        respond(exchange, 200, "text/html; charset=utf-8", html);
    }

    /**
     * A course page of the test LMS: it frames the tool, starts the launch inside the frame with an
     * auto-submitted login initiation (as Moodle does), and keeps LTI platform storage in memory,
     * answering lti.put_data and lti.get_data from the tool's origin only.
     */
    private static void lmsPage(HttpExchange exchange, Tenant tenant) throws IOException {
        String tool = "http://localhost:" + Integer.getInteger("it.http.port", 18080);
        String html = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS course</title></head><body>
                <h1>Test LMS course</h1>
                <form id="launch" method="post" action="%1$s/lti/login" target="tool">
                <input type="hidden" name="iss" value="%2$s">
                <input type="hidden" name="login_hint" value="user-7">
                <input type="hidden" name="target_link_uri" value="%1$s/course">
                <input type="hidden" name="client_id" value="%3$s">
                <input type="hidden" name="lti_deployment_id" value="%4$s">
                <input type="hidden" name="lti_message_hint" value='{"cmid":2}'>
                <input type="hidden" name="lti_storage_target" value="_parent">
                </form>
                <iframe name="tool" id="tool" title="Innovadores" style="width:100%%;height:700px;border:0"></iframe>
                <p>Frame height asked for: <output id="frame-height"></output></p>
                <script>
                var store = {};
                window.addEventListener('message', function (e) {
                  var d = e.data || {};
                  if (e.origin !== '%1$s') return;
                  if (d.subject === 'lti.frameResize' && d.height > 0) { // as Canvas does
                    document.getElementById('frame-height').textContent = String(d.height);
                    document.getElementById('tool').style.height = d.height + 'px';
                  }
                  if (d.subject === 'lti.put_data') {
                    store[d.key] = d.value;
                    e.source.postMessage({subject: 'lti.put_data.response', message_id: d.message_id, key: d.key, value: d.value}, e.origin);
                  }
                  if (d.subject === 'lti.get_data') {
                    e.source.postMessage({subject: 'lti.get_data.response', message_id: d.message_id, key: d.key, value: store[d.key]}, e.origin);
                  }
                });
                document.getElementById('launch').submit();
                </script></body></html>
                """.formatted(tool, tenant.iss, tenant.clientId, tenant.deploymentId);
        respond(exchange, 200, "text/html; charset=utf-8", html);
    }

    /** Where the tool's deep linking answer lands, posted by the browser as Moodle receives it. */
    private static void deepLinkingReturn(HttpExchange exchange, Tenant tenant) throws IOException {
        Map<String, String> form = query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (!"POST".equals(exchange.getRequestMethod()) || form.get("JWT") == null) {
            respond(exchange, 400, "text/plain", "no JWT");
            return;
        }
        tenant.deepLinkingResponses.add(form.get("JWT"));
        respond(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Placed</title></head>
                <body><main><h1 id="placed">Content placed in the course</h1></main></body></html>""");
    }

    /**
     * A site administrator's page of the test LMS that opens a tool's registration link in a frame
     * with the platform's openid_configuration and registration_token, as Moodle does, and shows
     * when the tool asks to be closed.
     */
    private static void toolRegistrationPage(HttpExchange exchange, Tenant tenant) throws IOException {
        String link = query(exchange.getRequestURI()).get("link");
        String url = link + (link.contains("?") ? "&" : "?") + "openid_configuration="
                + java.net.URLEncoder.encode(tenant.openidConfigurationUrl(), StandardCharsets.UTF_8)
                + "&registration_token=" + java.net.URLEncoder.encode(tenant.registrationToken, StandardCharsets.UTF_8);
        String tool = "http://localhost:" + Integer.getInteger("it.http.port", 18080);
        String html = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Register a tool</title></head><body>
                <h1>Register a tool</h1><p id="closed" hidden>The tool finished its registration.</p>
                <iframe name="tool" id="tool" title="Tool registration" src="%1$s" style="width:100%%;height:600px;border:0"></iframe>
                <script>
                window.addEventListener('message', function (e) {
                  if (e.origin === '%2$s' && e.data && e.data.subject === 'org.imsglobal.lti.close') {
                    document.getElementById('closed').hidden = false;
                  }
                });
                </script></body></html>
                """.formatted(url.replace("&", "&amp;"), tool);
        respond(exchange, 200, "text/html; charset=utf-8", html);
    }

    public static String lmsPageUrl(Tenant tenant) {
        return tenant.issuer + "/lms";
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
