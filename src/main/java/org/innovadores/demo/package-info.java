/**
 * The demo mode: for people who evaluate the tool without an LMS, a built-in demo LMS that launches
 * into a demo course through the real LTI flow, with teams and work already in it. Off unless
 * DEMO=true, and only on a loopback address.
 */
package org.innovadores.demo;
