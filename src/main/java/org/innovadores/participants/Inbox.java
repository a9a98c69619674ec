package org.innovadores.participants;

/**
 * How many notices a signed-in person has not read yet, for the link every page shows. Declared
 * here, where pages are made, and answered by the notifications feature.
 */
public interface Inbox {
    int unread(ToolSession session);
}
