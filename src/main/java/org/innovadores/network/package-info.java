/**
 * The network of public innovators: across the courses of one LMS deployment (the cohorts of one
 * program owner), an opt-in directory where each person chooses what of theirs shows. People of
 * earlier cohorts keep it when they launch from any course of the deployment.
 */
package org.innovadores.network;
