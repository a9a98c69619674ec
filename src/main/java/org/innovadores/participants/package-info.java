/**
 * Turns a validated launch into a person in a course with a role, and keeps them signed in across
 * pages inside the LMS iframe: by cookie where the browser keeps it, by a short-lived signed token
 * in links and forms where it does not.
 */
package org.innovadores.participants;
