package org.innovadores.teams;

import java.util.UUID;

/** A team of a course, its challenge and the institutional sponsor that backs it. */
public record Team(UUID id, UUID programId, String name, String institutions, String challenge, String sponsorName,
                   String sponsorRole) {
}
