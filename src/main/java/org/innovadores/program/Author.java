package org.innovadores.program;

/** Who made a change: the LMS user id (stable) and the name shown in histories. */
public record Author(String subject, String name) {
}
