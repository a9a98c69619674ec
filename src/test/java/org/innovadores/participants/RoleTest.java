package org.innovadores.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    @Test
    void mapsMoodlesFullRoleUrisAndShortNames() {
        assertThat(Role.fromLti(List.of(LIS + "membership#Learner"))).isEqualTo(Role.PARTICIPANT);
        assertThat(Role.fromLti(List.of(LIS + "membership#Instructor"))).isEqualTo(Role.INSTRUCTOR);
        assertThat(Role.fromLti(List.of(LIS + "membership#ContentDeveloper"))).isEqualTo(Role.INSTRUCTOR);
        assertThat(Role.fromLti(List.of(LIS + "membership/Instructor#TeachingAssistant"))).isEqualTo(Role.MENTOR);
        assertThat(Role.fromLti(List.of(LIS + "membership#Mentor"))).isEqualTo(Role.MENTOR);
        assertThat(Role.fromLti(List.of(LIS + "system/person#Administrator"))).isEqualTo(Role.ADMIN);
        assertThat(Role.fromLti(List.of(LIS + "institution/person#Administrator"))).isEqualTo(Role.ADMIN);
        assertThat(Role.fromLti(List.of("Instructor"))).isEqualTo(Role.INSTRUCTOR);
        assertThat(Role.fromLti(List.of("TeachingAssistant"))).isEqualTo(Role.MENTOR);
        assertThat(Role.fromLti(List.of("Learner"))).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void unknownMissingAndInstitutionOnlyRolesGiveTheLeastPrivilege() {
        assertThat(Role.fromLti(null)).isEqualTo(Role.PARTICIPANT);
        assertThat(Role.fromLti(List.of())).isEqualTo(Role.PARTICIPANT);
        assertThat(Role.fromLti(List.of("urn:lti:role:ims/lis/Wizard", ""))).isEqualTo(Role.PARTICIPANT);
        // Faculty elsewhere in the institution, a learner in this course.
        assertThat(Role.fromLti(List.of(LIS + "institution/person#Instructor", LIS + "membership#Learner")))
                .isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void theMostCapableOfSeveralRolesWins() {
        assertThat(Role.fromLti(List.of(LIS + "membership#Learner", LIS + "membership#Instructor",
                LIS + "system/person#Administrator"))).isEqualTo(Role.ADMIN);
    }
}
