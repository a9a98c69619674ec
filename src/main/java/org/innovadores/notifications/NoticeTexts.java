package org.innovadores.notifications;

import org.innovadores.web.Texts;

/** A notice in words, the same on the notices page and in its e-mail. */
final class NoticeTexts {

    private NoticeTexts() {
    }

    /** One line: "Ana commented on «Problem tree»". */
    static String line(Texts t, Notifications.Kind kind, String actor, String about) {
        return t.format("notice." + kind.name(), actor == null || actor.isBlank() ? t.get("notice.someone") : actor, about);
    }

    static String mailBody(Texts t, Notifications.Kind kind, String actor, String about, String detail, String course) {
        StringBuilder body = new StringBuilder(line(t, kind, actor, about)).append("\n\n");
        if (detail != null && !detail.isBlank()) body.append(detail.strip()).append("\n\n");
        body.append(t.format("notice.mail.open", course)).append("\n\n-- \n").append(t.get("notice.mail.optOut")).append('\n');
        return body.toString();
    }
}
