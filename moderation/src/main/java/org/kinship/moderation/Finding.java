package org.kinship.moderation;

/**
 * One thing a detector found.
 *
 * @param detector which detector
 * @param label what it found, in words for the review queue (the term, "phone number");
 * never the matched personal data itself
 * @param urgent whether it calls for an urgent escalation (crisis, distress about care)
 */
public record Finding(Detector detector, String label, boolean urgent) {
}
