package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.innovadores.participants.Role;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.web.ClientError;

/**
 * The program of the signed-in person's course, and what their role lets them do with it. The
 * course comes from the session (deployment + LTI context), never from the request.
 */
@ApplicationScoped
public class CourseProgram {

    @Inject
    SignedIn signedIn;

    @Inject
    Programs programs;

    /** A request of a signed-in person, with their course's program when it exists. */
    public record Visit(ToolSession session, Optional<Program> program) {

        public boolean canAuthor() {
            return CourseProgram.canAuthor(session);
        }

        public Author author() {
            return new Author(session.subject(), session.displayName());
        }

        /** A launch from outside any course (the LTI context is optional) has no program to show. */
        public boolean outsideCourse() {
            return session.contextId() == null || session.contextId().isBlank();
        }

        public Program requireProgram() {
            if (outsideCourse()) throw ClientError.badRequest("program.error.noCourse");
            return program.orElseThrow(() -> ClientError.notFound("program.notReady"));
        }
    }

    public static boolean canAuthor(ToolSession session) {
        return session.role() == Role.INSTRUCTOR || session.role() == Role.ADMIN;
    }

    public Visit visit(String token, HttpHeaders headers) {
        return visit(signedIn.require(token, headers));
    }

    public Visit visitForm(String token, String csrf, HttpHeaders headers) {
        return visit(signedIn.requireForm(token, csrf, headers));
    }

    /** Same, for instructors only (403 for everyone else). */
    public Visit authoring(ToolSession session) {
        Visit visit = visit(session);
        if (!visit.canAuthor()) throw ClientError.forbidden("program.error.notInstructor");
        return visit;
    }

    private Visit visit(ToolSession session) {
        if (session.contextId() == null || session.contextId().isBlank()) {
            return new Visit(session, Optional.empty());
        }
        // The course gets its copy of the program at its first instructor launch; a participant who
        // arrives before that finds a notice instead.
        Optional<Program> program = canAuthor(session)
                ? Optional.of(programs.ensureForCourse(session.deployment(), session.contextId(),
                        new Author(session.subject(), session.displayName()), session.locale()))
                : programs.forCourse(session.deployment(), session.contextId());
        return new Visit(session, program);
    }
}
