package org.kinship.chat;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.internal.ChatProperties;

import org.springframework.stereotype.Component;

/**
 * The crisis resources a community offers a member in distress
 * ({@code kinship.chat.crisis}), for every page that shows them: the discussion's crisis
 * card and a check-in's answer showing risk.
 */
@Component
public class CrisisLines {

	private final ChatProperties properties;

	CrisisLines(ChatProperties properties) {
		this.properties = properties;
	}

	/**
	 * A community's crisis resources in a language where it has them, else in its own.
	 * @param issuerKey the community's issuer key
	 * @param locale the page's language
	 * @return the resources, or {@code null} where the community has none and pages show
	 * the United States' 988 and 911
	 */
	public @Nullable Resources of(String issuerKey, Locale locale) {
		ChatProperties.CrisisResources local = this.properties.crisis().get(issuerKey + "-" + locale.getLanguage());
		ChatProperties.CrisisResources resources = (local != null) ? local : this.properties.crisis().get(issuerKey);
		if (resources == null) {
			return null;
		}
		return new Resources(resources.emergency(),
				resources.lines()
					.stream()
					.map((line) -> new Line(line.name(), line.call(), line.text(), line.hours()))
					.toList());
	}

	/**
	 * What a member in distress is offered.
	 *
	 * @param emergency the emergency number
	 * @param lines the crisis lines, in the order shown
	 */
	public record Resources(String emergency, List<Line> lines) {
	}

	/**
	 * One crisis line.
	 *
	 * @param name its name
	 * @param call the number to call, or {@code null}
	 * @param text the number to text, or {@code null}
	 * @param hours when it answers, or {@code null}
	 */
	public record Line(String name, @Nullable String call, @Nullable String text, @Nullable String hours) {
	}

}
