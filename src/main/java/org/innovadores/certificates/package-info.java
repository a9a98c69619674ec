/**
 * Certificates: the criteria a course sets (modules completed, team exercises accepted), the
 * certificate a participant who meets them gets as a tagged PDF, a public verification page by its
 * code that shows only what the certificate shows, and revocation by the teaching team.
 */
package org.innovadores.certificates;
