/**
 * Continuity across cohorts and institutions: a course's program as one versioned package (export,
 * checked import), the next cohort started from this one's program, and an IMS Common Cartridge
 * that places every activity in an LMS course at once.
 */
package org.innovadores.continuity;
