/**
 * Each person's data: what the tool holds about them, downloadable by them; their erasure by an
 * administrator of their LMS, which keeps the team's work under "former participant"; and the
 * retention rule that erases people inactive for longer than configured.
 */
package org.innovadores.privacy;
