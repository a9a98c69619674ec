/**
 * Workshop recordings: videos, audio, slides, captions and chapters attached to a course's modules
 * and workshops, uploaded (streamed to storage, resumable) or linked; served with HTTP Range only to
 * the course's people; played with captions, chapters and a searchable transcript; watch progress
 * toward module completion.
 */
package org.innovadores.recordings;
