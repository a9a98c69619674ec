/** Page plumbing shared by every feature: templates, interface texts in Spanish and English, errors. */
package org.innovadores.web;
