package org.innovadores.program;

import java.util.List;

/**
 * A whole program as one document: what a course copy is made from, and the shape an export takes.
 * Modules keep their keys, so links placed in an LMS keep naming the same items in the copy.
 */
public record ProgramDocument(Localized title, List<Module> modules) {

    public ProgramDocument {
        modules = List.copyOf(modules);
    }

    public record Module(String key, ProgramModule.Status status, ModuleContent content) {
    }
}
