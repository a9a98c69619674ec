package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.ModuleMedia;
import org.innovadores.program.Program;

/** The recordings feature as the program's pages see it: lists of media and watched counts. */
@ApplicationScoped
public class MediaCatalog implements ModuleMedia {

    @Inject
    MediaAssets assets;

    @Inject
    WatchProgress progress;

    @Inject
    Sessions sessions;

    @Override
    public List<Item> items(Program program, String moduleKey, ToolSession session) {
        Map<UUID, WatchProgress.Entry> watched = progress.ofAll(program.id(), session.subject());
        List<Item> items = new ArrayList<>();
        for (MediaAsset asset : assets.ofModule(program.id(), moduleKey)) {
            if (asset.kind() == MediaKind.CAPTIONS || asset.kind() == MediaKind.CHAPTERS) continue;
            String href = asset.kind().playable() ? "/course/recordings/" + asset.id()
                    : asset.uploaded() ? "/course/media/" + asset.id() + "?m=" + sessions.scopedToken(session, MediaResource.scope(asset.id()))
                    : asset.linkUrl();
            WatchProgress.Entry entry = watched.get(asset.id());
            items.add(new Item(asset.title(), "recordings.kind." + asset.kind().name(), href,
                    asset.kind().playable() ? (entry == null ? 0 : entry.percent()) : null, asset.workshopKey()));
        }
        return items;
    }

    @Override
    public Map<String, Watched> watched(Program program, String subject) {
        return progress.byModule(program.id(), subject);
    }

    @Override
    public CourseWatched watchedByEveryone(Program program) {
        return progress.byModuleForEveryone(program.id());
    }
}
