package org.innovadores.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.innovadores.exercises.Exercise;
import org.innovadores.exercises.ExerciseReview;
import org.innovadores.exercises.Exercises;
import org.innovadores.exercises.FieldValues;
import org.innovadores.exercises.Templates;
import org.innovadores.program.Author;
import org.innovadores.program.Program;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Now;
import org.innovadores.teams.Team;
import org.innovadores.teams.Teams;

/**
 * The demo course: its people, three teams and some of their work (one exercise accepted with a
 * mentor's comment, one waiting for review, one draft), from demo/course.json. Written once, through
 * the same services the pages use; a demo started again on the same data keeps what visitors did.
 */
@ApplicationScoped
public class DemoCourse {

    private static final Logger LOG = Logger.getLogger(DemoCourse.class.getName());

    /** Someone of the demo course; those with an entry are offered on the demo LMS's page. */
    public record Person(String subject, String name, String role, Optional<String> entry) {
    }

    @Inject
    Programs programs;

    @Inject
    Teams teams;

    @Inject
    Templates templates;

    @Inject
    Exercises exercises;

    @Inject
    ExerciseReview review;

    private final JsonObject seed = read();

    private static JsonObject read() {
        try (InputStream in = DemoCourse.class.getResourceAsStream("/demo/course.json"); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the demo course", e);
        }
    }

    public String contextId() {
        return seed.getString("context");
    }

    public List<Person> people() {
        return seed.getJsonArray("people").getValuesAs(JsonObject.class).stream().map(p -> new Person(p.getString("subject"),
                p.getString("name"), p.getString("role"), Optional.ofNullable(p.getString("entry", null)))).toList();
    }

    public Optional<Person> person(String subject) {
        return people().stream().filter(p -> p.subject().equals(subject)).findFirst();
    }

    public Optional<Person> entry(String entry) {
        return people().stream().filter(p -> p.entry().filter(entry::equals).isPresent()).findFirst();
    }

    void seed(UUID deployment) {
        Person instructor = people().stream().filter(p -> p.role().equals("INSTRUCTOR")).findFirst().orElseThrow();
        Program program = programs.ensureForCourse(deployment, contextId(), new Author(instructor.subject(), instructor.name()), "es");
        if (!teams.of(program.id()).isEmpty()) return; // seeded at an earlier start
        for (Person person : people()) teams.seen(program.id(), person.subject(), person.name(), person.role());

        List<Team> made = new ArrayList<>();
        for (JsonObject t : seed.getJsonArray("teams").getValuesAs(JsonObject.class)) {
            Team team = teams.create(program.id(), t.getString("name"), t.getString("institutions"), t.getString("challenge"),
                    t.getString("sponsorName"), t.getString("sponsorRole"));
            made.add(team);
            t.getJsonArray("mentors").getValuesAs(jakarta.json.JsonString.class).forEach(m -> teams.assignMentor(team, m.getString()));
            for (JsonObject entry : t.getJsonArray("log").getValuesAs(JsonObject.class)) {
                teams.log(team, Now.today(org.innovadores.program.CourseZone.DEFAULT).minusDays(entry.getInt("daysAgo")), entry.getString("attended"),
                        entry.getString("notes"), entry.getString("agreements"), entry.getString("nextSteps"), entry.getString("author"));
            }
        }
        for (JsonObject p : seed.getJsonArray("people").getValuesAs(JsonObject.class)) {
            if (p.containsKey("team")) teams.place(made.get(p.getInt("team")), p.getString("subject"));
        }
        for (JsonObject e : seed.getJsonArray("exercises").getValuesAs(JsonObject.class)) {
            work(program, made.get(e.getInt("team")), e);
        }
        LOG.info(() -> "Demo course seeded: " + made.size() + " teams");
    }

    private void work(Program program, Team team, JsonObject e) {
        Person author = person(e.getString("author")).orElseThrow();
        Templates.Version version = templates.latest(program.id(), e.getString("template")).orElseThrow();
        Exercise exercise = exercises.start(team.id(), e.getString("module"), version,
                version.definition().title().text("es"), author.subject(), author.name());
        Map<String, JsonValue> values = FieldValues.read(e.getJsonObject("values").toString());
        exercises.save(team.id(), exercise.id(), exercise.version(), values, author.subject(), author.name());
        List<String> members = teams.members(team).stream().map(Teams.Person::subject).toList();
        Exercise.Status status = Exercise.Status.valueOf(e.getString("status"));
        if (status == Exercise.Status.SUBMITTED || status == Exercise.Status.ACCEPTED) {
            review.change(program, current(team, exercise), Exercise.Status.SUBMITTED, null, null, members, author.subject(), author.name());
        }
        if (status == Exercise.Status.ACCEPTED) {
            Person reviewer = person(e.getString("reviewer")).orElseThrow();
            review.change(program, current(team, exercise), Exercise.Status.ACCEPTED, e.getJsonNumber("score").doubleValue(), null,
                    members, reviewer.subject(), reviewer.name());
        }
        for (JsonObject c : e.getOrDefault("comments", JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(JsonObject.class)) {
            Person who = person(c.getString("author")).orElseThrow();
            exercises.comment(exercise.id(), c.getString("field", null), null, c.getString("body"), who.subject(), who.name());
        }
    }

    private Exercise current(Team team, Exercise exercise) {
        return exercises.find(team.id(), exercise.id()).orElseThrow();
    }
}
