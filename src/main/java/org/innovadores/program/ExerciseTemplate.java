package org.innovadores.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An exercise template as the program knows it, by its key (e.g. "mapa-de-actores"). */
@Entity
@Table(name = "exercise_template")
public class ExerciseTemplate {

    @Id
    @Column(name = "template_key")
    private String key;
    @Column(nullable = false)
    private String content;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Transient
    private TemplateContent parsed;

    protected ExerciseTemplate() {
    }

    /** A refresh reloads the JSON; the parsed copy must follow. */
    @PostLoad
    void forgetParsed() {
        parsed = null;
    }

    ExerciseTemplate(String key, TemplateContent content) {
        this.key = key;
        this.content = Documents.write(content);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String key() { return key; }

    public TemplateContent content() {
        if (parsed == null) parsed = Documents.read(content, TemplateContent.class);
        return parsed;
    }
}
