package org.kinship.groups;

import org.jspecify.annotations.Nullable;

/**
 * What a community manager enters to create or edit a group, kept as typed so that a
 * refused form comes back with nothing lost.
 *
 * @param name the group's name
 * @param description what it is for
 * @param guidelines its guidelines in Markdown (or, for guidelines saved before Markdown,
 * HTML); simple formatting, headings and links kept, everything else removed
 * @param audience who it is for
 * @param listed whether the directory lists it
 * @param status open, locked or archived
 * @param snomedCodes SNOMED CT concept ids
 * @param icd10Codes ICD-10-CM codes or prefixes such as {@code E11.*}
 * @param nameEs the name in Spanish; blank or absent for none
 * @param descriptionEs what it is for, in Spanish; blank or absent for none
 * @param guidelinesEs its guidelines in Spanish, kept as the guidelines are; blank or
 * absent for none
 */
public record GroupForm(String name, String description, String guidelines, Audience audience, boolean listed,
		GroupStatus status, String snomedCodes, String icd10Codes, @Nullable String nameEs,
		@Nullable String descriptionEs, @Nullable String guidelinesEs) {

	/**
	 * An empty form for a new group.
	 * @return the form
	 */
	public static GroupForm blank() {
		return new GroupForm("", "", "", Audience.PATIENTS, true, GroupStatus.OPEN, "", "", "", "", "");
	}

	/**
	 * The form for an existing group.
	 * @param group the group
	 * @return the form
	 */
	public static GroupForm of(Group group) {
		return new GroupForm(group.name(), group.description(), group.guidelines(), group.audience(), group.listed(),
				group.status(), String.join(" ", group.codes().snomed()), String.join(" ", group.codes().icd10()),
				group.translation("es").name(), group.translation("es").description(),
				group.translation("es").guidelines());
	}

	/**
	 * This form with other guidelines, such as their Markdown source.
	 * @param own the group's own guidelines
	 * @param spanish the guidelines in Spanish
	 * @return the form
	 */
	public GroupForm withGuidelines(String own, @Nullable String spanish) {
		return new GroupForm(this.name, this.description, own, this.audience, this.listed, this.status,
				this.snomedCodes, this.icd10Codes, this.nameEs, this.descriptionEs, spanish);
	}

	/**
	 * The Spanish words as typed, blank parts left blank.
	 * @return the words
	 */
	public GroupText spanish() {
		return new GroupText(text(this.nameEs), text(this.descriptionEs), text(this.guidelinesEs));
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

}
