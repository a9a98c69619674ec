package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.innovadores.lti.Launch;
import org.innovadores.lti.LaunchReceiver;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.ToolSession;

/**
 * A validated launch becomes a session, and the person lands where the launch points: the deep
 * linking picker for an LtiDeepLinkingRequest, the item an LMS link names (its custom "item"), the
 * cohort for an instructor or administrator, or the program overview.
 */
@ApplicationScoped
public class CourseEntry implements LaunchReceiver {

    @Inject
    Sessions sessions;

    @Inject
    Programs programs;

    @Inject
    jakarta.enterprise.event.Event<ProgramItemLaunched> itemLaunched;

    @Override
    public Response launched(Launch launch) {
        ToolSession session = sessions.start(launch);
        String item = launch.custom().get(ProgramItems.CUSTOM_PARAMETER);
        java.util.Optional<String> itemPath = ProgramItems.path(item);
        // A course lead's home is the cohort; an invited evaluator's the pilot calls; everyone else's the program.
        boolean lead = session.contextId() != null
                && (session.role() == org.innovadores.participants.Role.INSTRUCTOR || session.role() == org.innovadores.participants.Role.ADMIN);
        boolean evaluator = session.contextId() != null && session.role() == org.innovadores.participants.Role.EVALUATOR;
        String path = launch.isDeepLinking() ? "/deep-linking" : itemPath.orElse(lead ? "/course/cohort" : evaluator ? "/course/pilots" : "/course");
        if (!launch.isDeepLinking() && itemPath.isPresent() && launch.contextId() != null) {
            // The LMS link of an item: its gradebook column, when it has one, is learnt here.
            programs.forCourse(launch.deployment(), launch.contextId()).ifPresent(program ->
                    itemLaunched.fire(new ProgramItemLaunched(program, session, item, launch.resourceLinkTitle())));
        }
        // A relative Location: right behind any proxy, whatever Host the request came with.
        return Response.status(Response.Status.SEE_OTHER).header("Location", path + "?s=" + sessions.linkToken(session))
                .header("Set-Cookie", sessions.cookieHeader(session)).build();
    }
}
