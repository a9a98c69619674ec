/**
 * Grades and progress to the LMS gradebook that are never lost (Assignment and Grade Services), and
 * the course roster from the LMS (Names and Role Provisioning Services): the line items of the
 * course's items, a durable outbox of scores written with the events that cause them, its sender
 * with retries, the instructors' grades page, and the roster refresh.
 */
package org.innovadores.grades;
