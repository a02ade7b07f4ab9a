package org.kinship.groups;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.launch.KinshipPrincipal;

/**
 * Something another module shows on a group's page beside the discussion, for the person
 * looking at it: the group's template reads it under {@link #name()}. Called on the
 * request thread while the page is built; an implementation answers within its own time
 * budget and never fails the page.
 */
public interface GroupPageSection {

	/**
	 * The model attribute the group's template reads.
	 * @return the attribute name
	 */
	String name();

	/**
	 * What to show this person on this group's page.
	 * @param principal who looks at the page
	 * @param page the page as the groups module built it for them
	 * @return the section's view model, or {@code null} to show nothing
	 */
	@Nullable Object contents(KinshipPrincipal principal, GroupPage page);

}
