package org.innovadores.participants;

import java.util.Collection;

/**
 * What a person may do in the tool, from the LTI roles of their launch (LIS vocabulary, full URIs
 * or the short names some platforms send). Unknown, short or missing roles give the least
 * privilege: participant. Of several roles the most capable wins.
 */
public enum Role {
    PARTICIPANT, EVALUATOR, MENTOR, INSTRUCTOR, ADMIN;

    public static Role fromLti(Collection<String> ltiRoles) {
        Role best = PARTICIPANT;
        if (ltiRoles == null) return best;
        for (String ltiRole : ltiRoles) {
            Role role = one(ltiRole);
            if (role.ordinal() > best.ordinal()) best = role;
        }
        return best;
    }

    static Role one(String ltiRole) {
        if (ltiRole == null || ltiRole.isBlank()) return PARTICIPANT;
        // "…/membership#Instructor" → Instructor; sub-role "…/membership/Instructor#TeachingAssistant" → TeachingAssistant.
        String name = ltiRole.substring(ltiRole.lastIndexOf('#') + 1);
        // Course roles only come from context (membership) roles or short names: an institution role
        // such as "…/institution/person#Instructor" says nothing of this course.
        boolean courseRole = !ltiRole.contains("/") || ltiRole.contains("/membership");
        return switch (name) {
            case "Administrator" -> ADMIN;
            case "Instructor", "ContentDeveloper" -> courseRole ? INSTRUCTOR : PARTICIPANT;
            case "TeachingAssistant", "Mentor" -> courseRole ? MENTOR : PARTICIPANT;
            // An invited evaluator of pilot proposals: the LIS grader sub-role ("…/membership/Instructor#Grader").
            case "Grader" -> courseRole ? EVALUATOR : PARTICIPANT;
            default -> PARTICIPANT;
        };
    }
}
