/**
 * What the tool needs to run at all: its data directory, the database schema brought up to date
 * at start, and the health checks an orchestrator asks.
 */
package org.innovadores.runtime;
