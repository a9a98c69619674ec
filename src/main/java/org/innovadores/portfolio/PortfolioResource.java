package org.innovadores.portfolio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.text.Normalizer;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram;
import org.innovadores.teams.TeamAccess;
import org.innovadores.teams.TeamAccess.Seat;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Pdf;
import org.innovadores.web.ScopedIds;

/**
 * The team portfolio as a page to read or print, and as a tagged PDF to hand over. Its members,
 * its mentors and the teaching team may get it; anyone else finds nothing there.
 */
@ApplicationScoped
@Path("course/teams/{team}/portfolio")
public class PortfolioResource {

    /** Each exercise is drawn by the same templates, so its ids are scoped to its section. */
    private static final String EXERCISE = "section.portfolio-exercise";

    private static final Logger LOG = Logger.getLogger(PortfolioResource.class.getName());

    @Inject
    CourseProgram courses;

    @Inject
    TeamAccess access;

    @Inject
    SignedIn signedIn;

    @Inject
    Portfolios portfolios;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    /** What the page and the document show; {@code document} drops the links that mean nothing on paper. */
    public record View(Page page, Portfolio portfolio, boolean document) {
        public String base() {
            return "/course/teams/" + portfolio.team().id();
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String page(@PathParam("team") String teamId, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        return ScopedIds.scope(pages.render("portfolio/portfolio.jte", view(seat, false)), EXERCISE);
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response pdf(@PathParam("team") String teamId, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        View view = view(seat, true);
        String html = ScopedIds.scope(pages.render("portfolio/document.jte", view), EXERCISE);
        StreamingOutput body = out -> Pdf.write(html, out);
        LOG.info(() -> "Portfolio of team " + seat.team().id() + " made as PDF (" + view.portfolio().exercises().size() + " exercises)");
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(view) + "\"").build();
    }

    private View view(Seat seat, boolean document) {
        Page page = signedIn.page(seat.visit().session(), "portfolio.title").titled(
                signedIn.texts(seat.visit().session()).format("portfolio.titleOf", seat.team().name()));
        Portfolio portfolio = portfolios.of(seat.visit().requireProgram(), seat.team(), seat.visit().session().contextTitle(),
                page.t().lang());
        return new View(page, portfolio, document);
    }

    /** "portafolio-equipo-nanduti.pdf": the team's name in plain letters, safe in any header. */
    static String fileName(View view) {
        String name = Normalizer.normalize(view.portfolio().team().name(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (name.length() > 60) name = name.substring(0, 60);
        return view.page().t().get("portfolio.file") + (name.isEmpty() ? "" : "-" + name) + ".pdf";
    }
}
