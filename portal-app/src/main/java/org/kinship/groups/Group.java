package org.kinship.groups;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A condition group of one health system.
 *
 * @param id the group's id
 * @param issuer the health system's FHIR base URL
 * @param slug the group's name in URLs
 * @param name the group's name
 * @param description what the group is for, plain text
 * @param guidelines the group's guidelines, HTML already passed through the allowlist
 * sanitizer
 * @param audience who it is for
 * @param listed whether it appears in the directory; unlisted groups are joined on a
 * facilitator's approval
 * @param status open, locked or archived
 * @param codes the conditions it is for
 * @param sponsors the community managers who sponsor it, as {@code Practitioner/123}
 * @param facilitators its facilitators
 * @param memberCount how many members it has
 * @param translations its words in other languages, by language code ({@code es})
 */
public record Group(long id, String issuer, String slug, String name, String description, String guidelines,
		Audience audience, boolean listed, GroupStatus status, CodeSet codes, Set<String> sponsors,
		Set<String> facilitators, int memberCount, Map<String, GroupText> translations) {

	public Group {
		translations = Map.copyOf(translations);
	}

	/**
	 * The group as members who read a language see it: its name, description and
	 * guidelines in that language where it has them, its own where not.
	 * @param locale the member's language
	 * @return this group, or a copy with the translated words
	 */
	public Group in(Locale locale) {
		GroupText text = this.translations.get(locale.getLanguage());
		if (text == null) {
			return this;
		}
		return new Group(this.id, this.issuer, this.slug, or(text.name(), this.name),
				or(text.description(), this.description), or(text.guidelines(), this.guidelines), this.audience,
				this.listed, this.status, this.codes, this.sponsors, this.facilitators, this.memberCount,
				this.translations);
	}

	/**
	 * Its words in a language, for the staff's form.
	 * @param language a language code such as {@code es}
	 * @return the words, blank where there are none
	 */
	public GroupText translation(String language) {
		return this.translations.getOrDefault(language, new GroupText("", "", ""));
	}

	private static String or(String translated, String own) {
		return translated.isBlank() ? own : translated;
	}

	/**
	 * Whether the user is one of this group's facilitators.
	 * @param fhirUser the user
	 * @return true if so
	 */
	public boolean facilitatedBy(String fhirUser) {
		return this.facilitators.contains(fhirUser);
	}

}
