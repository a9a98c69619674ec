package org.innovadores.recordings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a linked recording already lives, and how to show it: YouTube through its privacy-enhanced
 * domain, Vimeo, Google Drive and Panopto through their embed players, a direct media file in the
 * tool's own player, anything else (Kaltura share pages among them) as a link out.
 */
public final class Links {

    public enum Provider { YOUTUBE, VIMEO, DRIVE, PANOPTO, KALTURA, FILE, OTHER }

    /** How a link is shown: an embed URL for an iframe, a media URL for the player, or neither. */
    public record Shown(Provider provider, String embedUrl, String mediaUrl, String url) {
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern DRIVE_FILE = Pattern.compile("/file/d/([A-Za-z0-9_-]+)");
    private static final Pattern NUMBER = Pattern.compile("/(\\d+)(?:$|[/?#])");
    private static final Pattern PANOPTO_ID = Pattern.compile("[?&]id=([0-9a-fA-F-]{36})");

    private Links() {
    }

    /** The link, when it is an absolute https URL without credentials. */
    public static Optional<URI> valid(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) return Optional.empty();
        try {
            URI uri = new URI(url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static Shown show(String url) {
        URI uri = valid(url).orElseThrow(() -> new IllegalArgumentException("not an https URL"));
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (host.equals("youtu.be") || host.endsWith("youtube.com") || host.endsWith("youtube-nocookie.com")) {
            String id = youtubeId(host, path, uri.getRawQuery());
            // enablejsapi: the player then takes "seek to" commands by postMessage, so chapters and transcript times work.
            if (id != null) return new Shown(Provider.YOUTUBE, "https://www.youtube-nocookie.com/embed/" + id + "?enablejsapi=1", null, url);
        }
        if (host.equals("vimeo.com") || host.endsWith(".vimeo.com")) {
            Matcher m = NUMBER.matcher(path);
            if (m.find()) return new Shown(Provider.VIMEO, "https://player.vimeo.com/video/" + m.group(1), null, url);
        }
        if (host.equals("drive.google.com")) {
            Matcher m = DRIVE_FILE.matcher(path);
            if (m.find()) return new Shown(Provider.DRIVE, "https://drive.google.com/file/d/" + m.group(1) + "/preview", null, url);
        }
        if (host.endsWith(".panopto.com") || host.endsWith(".panopto.eu")) {
            Matcher m = PANOPTO_ID.matcher(query);
            if (m.find()) {
                return new Shown(Provider.PANOPTO, "https://" + host + "/Panopto/Pages/Embed.aspx?id=" + m.group(1), null, url);
            }
        }
        if (host.contains("kaltura")) return new Shown(Provider.KALTURA, null, null, url);
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mp4") || lower.endsWith(".webm") || lower.endsWith(".mp3") || lower.endsWith(".m4a")
                || lower.endsWith(".ogg")) {
            return new Shown(Provider.FILE, null, url, url);
        }
        return new Shown(Provider.OTHER, null, null, url);
    }

    private static String youtubeId(String host, String path, String query) {
        String candidate = null;
        if (host.equals("youtu.be")) {
            candidate = path.length() > 1 ? path.substring(1) : null;
        } else if (path.startsWith("/embed/") || path.startsWith("/shorts/") || path.startsWith("/live/")) {
            candidate = path.substring(path.indexOf('/', 1) + 1);
        } else if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("v=")) candidate = pair.substring(2);
            }
        }
        if (candidate == null) return null;
        int end = candidate.indexOf('/');
        if (end >= 0) candidate = candidate.substring(0, end);
        return YOUTUBE_ID.matcher(candidate).matches() ? candidate : null;
    }
}
