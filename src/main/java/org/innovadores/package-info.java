/**
 * The Programa de Innovadores Públicos LTI 1.3 tool. Each sub-package is one feature: {@code lti}
 * speaks the protocol, {@code participants} turns a launch into a person in a course, the others
 * are the program, its recordings, the teams and their exercises, and administration.
 */
package org.innovadores;
