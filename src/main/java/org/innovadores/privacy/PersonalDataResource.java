package org.innovadores.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.runtime.Now;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/** A person's own data: a page to read it and a JSON file to take it elsewhere. */
@ApplicationScoped
@Path("course/profile/data")
public class PersonalDataResource {

    @Inject
    SignedIn signedIn;

    @Inject
    PersonalData data;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record View(Page page, String subject, List<PersonalData.Section> sections) {
        public int total() {
            return sections.stream().mapToInt(s -> s.rows().size()).sum();
        }

        /** A stored value as the person reads it: moments and days in their format, yes and no in words. */
        public String shown(String value) {
            if (value == null || value.isBlank()) return "—";
            if (value.equals("true") || value.equals("false")) return page.t().get(value.equals("true") ? "privacy.yes" : "privacy.no");
            try {
                return page.when(java.time.OffsetDateTime.parse(value));
            } catch (java.time.format.DateTimeParseException notAMoment) {
                // not a moment: maybe a day
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) return page.day(value);
            return value;
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String page(@QueryParam("s") String token) {
        ToolSession session = signedIn.require(token, headers);
        Page page = signedIn.page(session, "privacy.title");
        return pages.render("privacy/data.jte", new View(page, session.subject(), data.of(data.platformOf(session.deployment()), session.subject())));
    }

    @GET
    @Path("json")
    @Produces("application/json")
    @Operation(hidden = true)
    public Response json(@QueryParam("s") String token) {
        ToolSession session = signedIn.require(token, headers);
        JsonObjectBuilder sections = Json.createObjectBuilder();
        for (PersonalData.Section section : data.of(data.platformOf(session.deployment()), session.subject())) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (Map<String, String> row : section.rows()) {
                JsonObjectBuilder object = Json.createObjectBuilder();
                row.forEach((k, v) -> {
                    if (v == null) object.addNull(k); else object.add(k, v);
                });
                rows.add(object);
            }
            sections.add(section.key(), rows);
        }
        String body = Json.createObjectBuilder().add("format", "innovadores-personal-data/1").add("made_at", Now.instant().toString())
                .add("lms_user_id", session.subject()).add("sections", sections).build().toString();
        String file = signedIn.texts(session).get("privacy.file");
        return Response.ok(body, "application/json;charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + file + ".json\"")
                .build();
    }
}
