/**
 * The care-plan panel: a member's own plan from the health record, beside a group's
 * discussion. Care plans and their activities, goals, medicines, the conditions the group
 * is about, the care team and upcoming appointments are read live from the EHR with the
 * member's own token (for a caregiver, the record of the person they care for), kept only
 * for a few minutes in the member's session, never stored by Kinship and never shown to
 * anyone else. A member may share one goal or activity with the group after editing what
 * is shared. A slow or failing EHR leaves the page working and the panel saying what is
 * missing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care plan",
		allowedDependencies = { "shared", "launch", "audit", "groups", "chat" })
@org.jspecify.annotations.NullMarked
package org.kinship.careplan;
