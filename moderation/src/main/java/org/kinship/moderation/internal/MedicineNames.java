package org.kinship.moderation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Names of common chronic-care medicines, generic and brand, from
 * {@code screening/medicines.tsv}, and a member's own medicines with every name they go
 * by: a record that lists "Furosemide 40 MG Oral Tablet" makes "lasix" one of the
 * member's medicines, so that "ran out of my Lasix" is read as running out of a medicine.
 */
public final class MedicineNames {

	/** Every folded name to all the names of its medicine. */
	private static final Map<String, Set<String>> NAMES = read();

	private MedicineNames() {
	}

	/**
	 * Whether a folded word is the name of a medicine of the table.
	 * @param word a folded word
	 * @return whether it is
	 */
	static boolean isKnown(String word) {
		return NAMES.containsKey(word);
	}

	/**
	 * The folded single-word names of a member's medicines: the first word of each entry
	 * of the record (the generic name, as records list them) and every word of it that
	 * the table knows, each with all the other names of its medicine.
	 * @param medicines the medicines as the member's record names them; may be empty
	 * @return folded words, empty when nothing is known
	 */
	static Set<String> ofMember(Collection<String> medicines) {
		if (medicines.isEmpty()) {
			return Set.of();
		}
		Set<String> names = new HashSet<>();
		for (String medicine : medicines) {
			String[] words = TextNormalizer.forTerm(medicine).split(" ");
			for (int i = 0; i < words.length; i++) {
				String word = words[i];
				Set<String> all = NAMES.get(word);
				if (all != null) {
					names.addAll(all);
				}
				else if (i == 0 && word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
					names.add(word);
				}
			}
		}
		return Set.copyOf(names);
	}

	/**
	 * Every name of the medicines the table knows among the words of a medicine's name:
	 * "Lasix 40 MG Oral Tablet" gives furosemide, lasix, furix and seguril.
	 * @param medicine a medicine in a record's words
	 * @return folded single-word names, empty when the table knows none of its words
	 */
	public static Set<String> aliases(String medicine) {
		Set<String> names = new HashSet<>();
		for (String word : TextNormalizer.forTerm(medicine).split(" ")) {
			names.addAll(NAMES.getOrDefault(word, Set.of()));
		}
		return Set.copyOf(names);
	}

	private static Map<String, Set<String>> read() {
		InputStream in = MedicineNames.class.getResourceAsStream("/screening/medicines.tsv");
		if (in == null) {
			throw new IllegalStateException("screening/medicines.tsv is missing");
		}
		Map<String, Set<String>> names = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				Set<String> all = new HashSet<>();
				all.add(TextNormalizer.forTerm(columns[0]));
				if (columns.length > 1) {
					for (String brand : columns[1].split(",")) {
						all.add(TextNormalizer.forTerm(brand));
					}
				}
				Set<String> frozen = Set.copyOf(all);
				frozen.forEach((name) -> names.put(name, frozen));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(names);
	}

}
