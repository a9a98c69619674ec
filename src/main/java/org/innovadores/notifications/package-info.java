/**
 * Who needs to know hears of it: notices in the tool (with the unread count every page shows) and
 * by e-mail through the configured mail server, retried from the database; reminders the day before
 * a workshop, a weekly digest, and each person's calendar feed of the course's workshops.
 */
package org.innovadores.notifications;
