/**
 * The screening engine: text normalization, compiled watched words, and the personal
 * data, crisis, care-distress and new-member detectors. Plain Java, no Spring, immutable
 * and safe to share between threads.
 */
@org.jspecify.annotations.NullMarked
package org.kinship.moderation.internal;
