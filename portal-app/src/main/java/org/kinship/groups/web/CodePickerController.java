package org.kinship.groups.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.kinship.groups.CodeCatalog;
import org.kinship.groups.CodeCatalog.CodeSystem;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the staff forms' code picker asks while a community manager types: codes of the
 * shipped catalogue by name, and the names of codes already in a form. Only community
 * managers, who alone set code sets and record-based audiences, are answered.
 */
@RestController
class CodePickerController {

	private static final int MOST = 12;

	private final CodeCatalog catalog;

	CodePickerController(CodeCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/manage/codes")
	List<Match> search(KinshipPrincipal principal, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String systems, Locale locale) {
		requireManager(principal);
		return this.catalog.search(q, systems(systems), MOST).stream().map((entry) -> Match.of(entry, locale)).toList();
	}

	@GetMapping("/manage/codes/named")
	List<Match> named(KinshipPrincipal principal, @RequestParam(defaultValue = "") String snomed,
			@RequestParam(defaultValue = "") String icd10, @RequestParam(defaultValue = "") String rxnorm,
			Locale locale) {
		requireManager(principal);
		List<Match> named = new ArrayList<>();
		named(CodeSystem.SNOMED, snomed, locale, named);
		named(CodeSystem.ICD10, icd10, locale, named);
		named(CodeSystem.RXNORM, rxnorm, locale, named);
		return named;
	}

	private void named(CodeSystem system, String codes, Locale locale, List<Match> named) {
		this.catalog.named(system, words(codes)).forEach((entry) -> named.add(Match.of(entry, locale)));
	}

	private static List<CodeSystem> systems(String text) {
		try {
			return words(text).stream().map((name) -> CodeSystem.valueOf(name.toUpperCase(Locale.ROOT))).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.split("[\\s,;]+")).filter((word) -> !word.isEmpty()).toList();
	}

	private static void requireManager(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/**
	 * One offer of the picker.
	 *
	 * @param system the form field's system: {@code snomed}, {@code icd10} or
	 * {@code rxnorm}
	 * @param code the code
	 * @param name its name in the manager's language
	 */
	record Match(String system, String code, String name) {

		static Match of(CodeCatalog.Entry entry, Locale locale) {
			return new Match(entry.system().name().toLowerCase(Locale.ROOT), entry.code(), entry.name(locale));
		}

	}

}
