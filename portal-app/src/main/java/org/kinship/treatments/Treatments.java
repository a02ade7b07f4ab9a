package org.kinship.treatments;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.kinship.chat.Chat;
import org.kinship.chat.Treatment;
import org.kinship.chat.TreatmentDiscussions;
import org.kinship.groups.CodeCatalog;
import org.kinship.groups.CodeCatalog.CodeSystem;
import org.kinship.insights.Disclosure;
import org.kinship.insights.Shown;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.treatments.internal.TreatmentSalts;

import org.springframework.stereotype.Component;

/**
 * The treatment pages: the ingredients a person can look at, and one ingredient's tagged
 * messages across their groups with the number of members discussing it, shown only from
 * 11 and as a range, as insights show counts.
 */
@Component
public class Treatments {

	private static final Pattern RXCUI = Pattern.compile("[0-9]{1,12}");

	private final Chat chat;

	private final TreatmentDiscussions discussions;

	private final CodeCatalog catalog;

	private final TreatmentSalts salts;

	Treatments(Chat chat, TreatmentDiscussions discussions, CodeCatalog catalog, TreatmentSalts salts) {
		this.chat = chat;
		this.discussions = discussions;
		this.catalog = catalog;
		this.salts = salts;
	}

	/**
	 * The ingredients of the person's own medicines (from the record the session holds)
	 * and those messages in their groups are tagged with.
	 * @param principal who asks
	 * @param locale the page's language, for names and their order
	 * @return the two lists, by name
	 */
	public Overview overview(KinshipPrincipal principal, Locale locale) {
		return new Overview(named(this.chat.treatments(principal), locale),
				named(this.discussions.tagged(principal), locale));
	}

	/**
	 * One ingredient's page.
	 * @param principal who asks
	 * @param rxcui the ingredient's RxNorm code
	 * @param page the page of messages, from 0
	 * @param locale the page's language
	 * @return the page
	 * @throws Refused not found for a code that is not an RxNorm code
	 */
	public TreatmentPage page(KinshipPrincipal principal, String rxcui, int page, Locale locale) {
		if (!RXCUI.matcher(rxcui).matches()) {
			throw Refused.notFound("treatments.unknown");
		}
		int shownPage = Math.max(0, Math.min(page, 10_000));
		TreatmentDiscussions.Page messages = this.discussions.page(principal, rxcui, shownPage);
		Set<String> members = this.discussions.discussing(principal, rxcui);
		// no salt is made for a code nobody tagged: any digits reach this page
		Shown discussing = members.isEmpty() ? Shown.fewer()
				: new Disclosure(this.salts.of(rxcui)).count("treatment " + rxcui, members);
		return new TreatmentPage(rxcui, name(rxcui, locale), messages, discussing, shownPage);
	}

	private String name(String rxcui, Locale locale) {
		return this.catalog.named(CodeSystem.RXNORM, List.of(rxcui))
			.stream()
			.findFirst()
			.map((entry) -> entry.name(locale))
			.orElse("RxNorm " + rxcui);
	}

	private static List<Named> named(List<Treatment> treatments, Locale locale) {
		Map<String, Named> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		treatments.forEach((treatment) -> byName.putIfAbsent(treatment.name(locale),
				new Named(treatment.rxcui(), treatment.name(locale))));
		return List.copyOf(byName.values());
	}

	/**
	 * The ingredients a person can look at.
	 *
	 * @param mine the ingredients of their own medicines, empty before their record was
	 * read in this visit
	 * @param tagged the ingredients messages in their groups are tagged with
	 */
	public record Overview(List<Named> mine, List<Named> tagged) {
	}

	/**
	 * An ingredient by its name.
	 *
	 * @param rxcui its RxNorm code
	 * @param name its name in the page's language
	 */
	public record Named(String rxcui, String name) {
	}

	/**
	 * One ingredient's page.
	 *
	 * @param rxcui its RxNorm code
	 * @param name its name in the page's language
	 * @param messages a page of the messages tagged with it, newest first
	 * @param discussing how many members posted them, as it may be shown
	 * @param page the page, from 0
	 */
	public record TreatmentPage(String rxcui, String name, TreatmentDiscussions.Page messages, Shown discussing,
			int page) {
	}

}
