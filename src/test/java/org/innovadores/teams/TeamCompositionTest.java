package org.innovadores.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The composition file: written as spreadsheets read it, read back row by row with every problem named. */
class TeamCompositionTest {

    private static final UUID SALUD = UUID.randomUUID();
    private static final Team SALUD_TEAM = new Team(SALUD, UUID.randomUUID(), "Equipo Salud", "", "", "", "");
    private static final List<Teams.Person> PEOPLE = List.of(
            new Teams.Person("u1", "Ana Aguilar", "PARTICIPANT", SALUD, "ana@example.gov.py"),
            new Teams.Person("u2", "Luis Lezcano", "PARTICIPANT", null, "luis@example.gov.py"),
            new Teams.Person("u3", "María Gómez", "PARTICIPANT", null, null),
            new Teams.Person("u4", "María Gómez", "PARTICIPANT", null, null),
            new Teams.Person("m1", "Marta Mentora", "MENTOR", null, "marta@example.gov.py"),
            new Teams.Person("t1", "Irene Instructora", "INSTRUCTOR", null, null));

    @Test
    void whatIsWrittenReadsBackAsNoChange() {
        String csv = TeamComposition.write(List.of(SALUD_TEAM), PEOPLE, Map.of(SALUD, List.of("m1")), "es");
        assertThat(csv).startsWith("\uFEFFequipo,rol,nombre,correo,id_lms\r\n")
                .contains("Equipo Salud,mentor,Marta Mentora,marta@example.gov.py,m1")
                .contains("Equipo Salud,miembro,Ana Aguilar,ana@example.gov.py,u1")
                .contains(",miembro,Luis Lezcano,luis@example.gov.py,u2")
                .doesNotContain("Irene");
        TeamComposition.Plan plan = TeamComposition.read(csv, PEOPLE, Set.of("Equipo Salud"));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.newTeams()).isEmpty();
        assertThat(plan.placements()).extracting(p -> p.person().subject() + "=" + p.team().orElse(""))
                .contains("u1=Equipo Salud", "u2=");
        assertThat(plan.mentors()).singleElement().satisfies(m -> assertThat(m.teams()).containsExactly("Equipo Salud"));
    }

    @Test
    void aSpreadsheetsFileFindsPeopleByIdEmailOrNameAndNamesNewTeams() {
        // Semicolons and English headers, as a spreadsheet in another locale saves them.
        String csv = "team;role;name;email;lms_id\nEquipo Tierras;member;;LUIS@example.gov.py;\nEquipo Tierras;mentor;Marta Mentora;;\n"
                + "Equipo Salud;member;ana aguilar;;\n";
        TeamComposition.Plan plan = TeamComposition.read(csv, PEOPLE, Set.of("Equipo Salud"));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.newTeams()).containsExactly("Equipo Tierras");
        assertThat(plan.placements()).extracting(p -> p.person().subject() + "=" + p.team().orElse(""))
                .containsExactly("u2=Equipo Tierras", "u1=Equipo Salud");
    }

    @Test
    void everyBadRowIsNamedWithItsLine() {
        String csv = "equipo,rol,nombre,correo,id_lms\n"
                + "Equipo Salud,miembro,Nadie Nunca,,\n"          // line 2: unknown
                + "Equipo Salud,miembro,María Gómez,,\n"          // line 3: two people of that name
                + "Equipo Salud,miembro,Irene Instructora,,\n"    // line 4: not a participant
                + "Equipo Salud,mentor,Ana Aguilar,,\n"           // line 5: not a mentor
                + "Equipo Salud,capitana,Luis Lezcano,,\n"        // line 6: no such role
                + "Equipo Salud,miembro,,,u2\n"
                + "Equipo Tierras,miembro,,,u2\n";                // line 8: two teams
        TeamComposition.Plan plan = TeamComposition.read(csv, PEOPLE, Set.of("Equipo Salud"));
        assertThat(plan.problems()).extracting(p -> p.line() + " " + p.key()).containsExactly(
                "2 teams.import.error.unknown", "3 teams.import.error.sameName", "4 teams.import.error.notParticipant",
                "5 teams.import.error.notMentor", "6 teams.import.error.role", "8 teams.import.error.twice");
        assertThat(TeamComposition.read("nombre,correo\nAna,\n", PEOPLE, Set.of()).problems())
                .extracting(TeamComposition.Problem::key).containsExactly("teams.import.error.header");
        assertThat(TeamComposition.read("equipo,nombre\n\"sin cerrar,Ana\n", PEOPLE, Set.of()).valid()).isFalse();
        assertThat(Optional.of(TeamComposition.read("", PEOPLE, Set.of())).map(TeamComposition.Plan::valid)).contains(false);
    }
}
