package org.kinship.groups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kinship.moderation.MedicineAliases;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The codes that staff forms offer by name: common chronic conditions as SNOMED CT
 * concepts and ICD-10-CM codes or prefixes, and common RxNorm ingredients, shipped with
 * Kinship in {@code groups/code-catalog.tsv} with English and Spanish names. It only
 * helps people find codes; any valid code can still be typed, and {@link CodeSet} remains
 * what checks them.
 */
@Component
public class CodeCatalog {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{Alnum}.*]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final List<Entry> entries;

	/**
	 * Each RxNorm ingredient with the words {@link #ingredients} looks for among a
	 * medicine's: its names and the brands records name its products by, folded and with
	 * a space either side. Made once, since a group's page asks for every medicine of the
	 * member's record.
	 */
	private final List<Ingredient> rxnorm;

	/** Reads the catalogue shipped with Kinship. */
	public CodeCatalog() {
		Map<Entry, List<String>> brands = new HashMap<>();
		this.entries = read(new ClassPathResource("groups/code-catalog.tsv"), brands);
		this.rxnorm = this.entries.stream()
			.filter((entry) -> entry.system() == CodeSystem.RXNORM)
			.map((entry) -> new Ingredient(entry,
					Stream.concat(entry.names().stream(), brands.getOrDefault(entry, List.of()).stream())
						.map((alias) -> " " + alias + " ")
						.toList()))
			.toList();
	}

	/**
	 * The entries whose English or Spanish name holds every word typed (in any order, as
	 * the start of a word, ignoring case and accents), or whose code starts with what was
	 * typed.
	 * @param words what was typed
	 * @param systems the systems wanted; empty for every system
	 * @param limit the most entries to give
	 * @return the matches, in the catalogue's order
	 */
	public List<Entry> search(String words, Collection<CodeSystem> systems, int limit) {
		List<String> wanted = terms(words);
		if (wanted.isEmpty()) {
			return List.of();
		}
		return this.entries.stream()
			.filter((entry) -> systems.isEmpty() || systems.contains(entry.system()))
			.filter((entry) -> entry.matches(wanted))
			.limit(limit)
			.toList();
	}

	/**
	 * The entries for codes already chosen, so that a form can name them.
	 * @param system their system
	 * @param codes the codes, as typed
	 * @return the entries found, in the catalogue's order; unknown codes left out
	 */
	public List<Entry> named(CodeSystem system, Collection<String> codes) {
		Set<String> wanted = Set.copyOf(codes.stream().map((code) -> code.toUpperCase(Locale.ROOT)).toList());
		return this.entries.stream()
			.filter((entry) -> entry.system() == system && wanted.contains(entry.code().toUpperCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * The RxNorm ingredients of a medicine as a record gives it: those whose code the
	 * record lists, and those whose English or Spanish name (or the other name in
	 * brackets, "albuterol (salbutamol)") is among the words of the medicine's name ("24
	 * HR metformin hydrochloride 500 MG Extended Release Oral Tablet" is metformin), or a
	 * brand's generic among them ({@link MedicineAliases}: "Lasix 40 MG Oral Tablet" is
	 * furosemide), or one of the brands the catalogue gives an ingredient ("Yaz 28 Day
	 * Pack" is drospirenone and ethinyl estradiol). A medicine whose ingredients are not
	 * in the catalogue has none.
	 * @param rxnormCodes the RxNorm codes the record gives it
	 * @param name the medicine in the record's words, or {@code null}
	 * @return the ingredients, in the catalogue's order
	 */
	public List<Entry> ingredients(Collection<String> rxnormCodes, @Nullable String name) {
		String words = (name != null)
				? " " + String.join(" ", terms(name)) + " " + String.join(" ", MedicineAliases.of(name)) + " " : "";
		return this.rxnorm.stream()
			.filter((ingredient) -> rxnormCodes.contains(ingredient.entry().code()) || ingredient.among(words))
			.map(Ingredient::entry)
			.toList();
	}

	/** An ingredient and the words that name it, each with a space either side. */
	private record Ingredient(Entry entry, List<String> aliases) {

		boolean among(String words) {
			for (String alias : this.aliases) {
				if (words.contains(alias)) {
					return true;
				}
			}
			return false;
		}

	}

	List<Entry> entries() {
		return this.entries;
	}

	private static List<String> terms(String text) {
		return Arrays.stream(NON_WORD.split(folded(text))).filter((term) -> !term.isEmpty()).toList();
	}

	static String folded(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
	}

	private static List<Entry> read(ClassPathResource resource, Map<Entry, List<String>> brands) {
		List<Entry> entries = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] fields = line.split("\t");
					Entry entry = new Entry(CodeSystem.valueOf(fields[0].toUpperCase(Locale.ROOT)), fields[1],
							fields[2], fields[3]);
					entries.add(entry);
					if (fields.length > 4) {
						brands.put(entry,
								Arrays.stream(fields[4].split(","))
									.map((brand) -> String.join(" ", terms(brand)))
									.toList());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(entries);
	}

	/** The code systems of the catalogue, named as the forms' fields are. */
	public enum CodeSystem {

		/** SNOMED CT concepts. */
		SNOMED,
		/** ICD-10-CM codes, or prefixes ending in {@code *}. */
		ICD10,
		/** RxNorm ingredients. */
		RXNORM

	}

	/**
	 * One code with its names.
	 *
	 * @param system its system
	 * @param code the code, as a form takes it
	 * @param english its English name
	 * @param spanish its Spanish name
	 */
	public record Entry(CodeSystem system, String code, String english, String spanish) {

		/**
		 * Its name in a language.
		 * @param locale the language
		 * @return the Spanish name for Spanish, else the English one
		 */
		public String name(Locale locale) {
			return "es".equals(locale.getLanguage()) ? this.spanish : this.english;
		}

		List<String> names() {
			return Arrays.stream((this.english + "(" + this.spanish).split("[()]"))
				.map((alias) -> String.join(" ", terms(alias)))
				.filter((alias) -> !alias.isEmpty())
				.toList();
		}

		boolean matches(List<String> terms) {
			String code = this.code.toLowerCase(Locale.ROOT);
			if (terms.size() == 1 && code.startsWith(terms.get(0))) {
				return true;
			}
			List<String> words = terms(this.english + " " + this.spanish);
			return terms.stream().allMatch((term) -> words.stream().anyMatch((word) -> word.startsWith(term)));
		}

	}

}
