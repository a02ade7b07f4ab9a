package org.kinship.chat.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.CrisisLines;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The crisis resources the discussion's crisis card offers this member: their
 * community's, in the page's language where the community has them, else in its own;
 * {@code null} where the community has none, and the card shows the United States' 988
 * and 911.
 */
@Component
class CrisisSection implements GroupPageSection {

	private final CrisisLines lines;

	CrisisSection(CrisisLines lines) {
		this.lines = lines;
	}

	@Override
	public String name() {
		return "crisisResources";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		return page.mayReadMembers() ? resources(principal.issuerKey(), LocaleContextHolder.getLocale()) : null;
	}

	CrisisLines.@Nullable Resources resources(String issuerKey, Locale locale) {
		return this.lines.of(issuerKey, locale);
	}

}
