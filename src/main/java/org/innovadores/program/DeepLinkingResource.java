package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.lti.DeepLinking;
import org.innovadores.lti.ToolUrls;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * The deep linking picker: an instructor's LtiDeepLinkingRequest lands here, chooses items of the
 * course's program in a plain form, and goes back to the LMS with a signed LtiDeepLinkingResponse.
 * Every item's URL is the tool's launch URL, the one redirect URI the platform registered; the
 * custom parameter "item" says what the link opens.
 */
@ApplicationScoped
@Path("deep-linking")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DeepLinkingResource {

    /** Exercise line items are out of 100; a module's line item is out of the points the instructor gave it. */
    static final double SCORE_MAXIMUM = 100;

    @Inject
    TemplateTexts templateTexts;

    @Inject
    SignedIn signedIn;

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    Sessions sessions;

    @Inject
    DeepLinking deepLinking;

    @Inject
    ToolUrls urls;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    /** One choice in the picker. */
    public record Choice(String item, String kind, String title, boolean draft, int depth, DeepLinking.ResourceLink link) {
    }

    public record Picker(Page page, List<Choice> choices, boolean multiple, String csrf, String problem) {
    }

    public record Return(Page page, String returnUrl, String jwt, int count) {
    }

    @GET
    @Operation(hidden = true)
    public String picker(@QueryParam("s") String token) {
        ToolSession session = signedIn.require(token, headers);
        DeepLinking.Request request = request(session);
        Visit visit = courses.authoring(session);
        return pages.render("program/picker.jte", new Picker(signedIn.page(session, "deepLinking.title"),
                choices(visit, signedIn.texts(session).lang()), request.acceptMultiple(), sessions.csrf(session), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public String choose(MultivaluedMap<String, String> form) {
        ToolSession session = signedIn.requireForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        DeepLinking.Request request = request(session);
        Visit visit = courses.authoring(session);
        List<String> chosen = form.getOrDefault("item", List.of());
        if (chosen.isEmpty()) throw ClientError.badRequest("deepLinking.error.none");
        if (chosen.size() > 1 && !request.acceptMultiple()) throw ClientError.badRequest("deepLinking.error.multiple");
        Map<String, Choice> available = new LinkedHashMap<>();
        choices(visit, signedIn.texts(session).lang()).forEach(c -> available.put(c.item(), c));
        List<DeepLinking.ResourceLink> links = new ArrayList<>();
        for (String item : chosen) {
            Choice choice = available.get(item);
            if (choice == null) throw ClientError.badRequest("deepLinking.error.unknown");
            links.add(choice.link());
        }
        String jwt = deepLinking.response(request, links, null);
        Page page = signedIn.page(session, "deepLinking.returning");
        return pages.render("program/deep-linking-return.jte", new Return(page, request.returnUrl(), jwt, links.size()));
    }

    private DeepLinking.Request request(ToolSession session) {
        if (!CourseProgram.canAuthor(session)) throw ClientError.forbidden("program.error.notInstructor");
        DeepLinking.Request request = deepLinking.request(session.deployment(), session.messageType(), session.launchClaims())
                .orElseThrow(() -> ClientError.badRequest("deepLinking.error.notRequest"));
        if (!request.acceptsResourceLinks()) throw ClientError.badRequest("deepLinking.error.types");
        return request;
    }

    /** Everything of the course's program an instructor can place: the program, modules, workshops, exercises. */
    private List<Choice> choices(Visit visit, String lang) {
        Program program = visit.requireProgram();
        Map<String, TemplateContent> templates = templateTexts.of(program);
        List<Choice> choices = new ArrayList<>();
        String programTitle = program.title().text(lang);
        choices.add(new Choice("program", "program", programTitle, false, 0, link(programTitle, "program", null)));
        for (ProgramModule module : programs.modules(program)) {
            ModuleContent content = module.content();
            String title = content.title().text(lang);
            String item = ProgramItems.module(module);
            choices.add(new Choice(item, "module", title, !module.published(), 0,
                    link(title, item, new DeepLinking.LineItem(title, content.points(), item, "module"))));
            for (ModuleContent.Workshop workshop : content.workshops()) {
                String workshopTitle = workshop.title().text(lang);
                choices.add(new Choice(ProgramItems.workshop(module, workshop), "workshop", workshopTitle, !module.published(), 1,
                        link(workshopTitle, ProgramItems.workshop(module, workshop), null)));
            }
            for (ModuleContent.ExerciseUse exercise : content.exercises()) {
                TemplateContent template = templates.get(exercise.template());
                String exerciseTitle = template == null ? exercise.template() : template.title().text(lang);
                String exerciseItem = ProgramItems.exercise(module, exercise);
                choices.add(new Choice(exerciseItem, "exercise", exerciseTitle, !module.published(), 1,
                        link(exerciseTitle + " · " + title, exerciseItem,
                                new DeepLinking.LineItem(exerciseTitle + " · " + title, SCORE_MAXIMUM, exerciseItem, "exercise"))));
            }
        }
        return choices;
    }

    private DeepLinking.ResourceLink link(String title, String item, DeepLinking.LineItem lineItem) {
        return new DeepLinking.ResourceLink(title, null, urls.launch(), Map.of(ProgramItems.CUSTOM_PARAMETER, item), lineItem);
    }
}
