package org.innovadores.program;

import java.util.List;
import java.util.Map;
import org.innovadores.participants.ToolSession;

/**
 * What the recordings feature tells the program's pages: the media of a module or workshop, and how
 * many of a module's recordings a person has watched, for the module's completion.
 */
public interface ModuleMedia {

    /** One recording, slide deck or other medium as a page lists it. */
    record Item(String title, String kindKey, String href, Integer watchedPercent, String workshopKey) {
    }

    /** Recordings of a module, and how many of them this person has watched. */
    record Watched(int recordings, int watched) {
    }

    List<Item> items(Program program, String moduleKey, ToolSession session);

    Map<String, Watched> watched(Program program, String subject);

    /**
     * Everyone's recordings watched in a course at once, for views of the whole cohort; also, per
     * workshop (module key, line break, workshop key), how many people watched its recordings.
     */
    record CourseWatched(Map<String, Integer> recordings, Map<String, Integer> watchedByModuleAndSubject,
                         Map<String, Integer> viewersByWorkshop) {
        public Watched of(String moduleKey, String subject) {
            return new Watched(recordings.getOrDefault(moduleKey, 0), watchedByModuleAndSubject.getOrDefault(moduleKey + "\n" + subject, 0));
        }

        public int viewers(String moduleKey, String workshopKey) {
            return viewersByWorkshop.getOrDefault(moduleKey + "\n" + workshopKey, 0);
        }
    }

    CourseWatched watchedByEveryone(Program program);
}
