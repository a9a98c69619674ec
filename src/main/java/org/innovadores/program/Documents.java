package org.innovadores.program;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/** The program's JSON documents (module contents, templates, the default program) to and from text. */
public final class Documents {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(false));

    private Documents() {
    }

    public static String write(Object document) {
        return JSON.toJson(document);
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.fromJson(json, type);
        } catch (JsonbException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " document", e);
        }
    }
}
