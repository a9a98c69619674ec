package org.innovadores.web;

import java.util.UUID;

/** Ids and names as requests carry them: checked once here, so every resource answers the same way. */
public final class Ids {

    private Ids() {
    }

    /** The id in a URL or form; anything that is not a UUID is simply not found (404). */
    public static UUID uuid(String id) {
        try {
            return UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw ClientError.notFound("error.notFound");
        }
    }

    /** A file name to show and offer for download: no folders, no control characters, bounded. */
    public static String fileName(String given, String fallback) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) name = fallback;
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
