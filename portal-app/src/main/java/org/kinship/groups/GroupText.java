package org.kinship.groups;

/**
 * A group's words in one language other than its own: what members whose language it is
 * see in place of the group's name, description and guidelines. A blank part leaves the
 * group's own in its place.
 *
 * @param name the name, plain text; blank for the group's own
 * @param description what the group is for, plain text; blank for the group's own
 * @param guidelines the guidelines, HTML already passed through the allowlist sanitizer;
 * blank for the group's own
 */
public record GroupText(String name, String description, String guidelines) {

	/**
	 * Whether it holds no words at all.
	 * @return true when every part is blank
	 */
	public boolean isBlank() {
		return this.name.isBlank() && this.description.isBlank() && this.guidelines.isBlank();
	}

}
