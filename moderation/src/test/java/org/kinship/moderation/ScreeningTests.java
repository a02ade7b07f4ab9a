package org.kinship.moderation;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.Submission;
import org.kinship.moderation.internal.ScreeningRules;
import org.kinship.moderation.internal.TermList;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningTests {

	@Test
	void deliversAFirstPostWhileNoRulesAreConfigured() {
		Screening screening = new Screening(new StaticListableBeanFactory().getBeanProvider(ScreeningRules.class),
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
		assertThat(screening.screen(first("hello everyone")).outcome()).isEqualTo(Outcome.ALLOW);
	}

	@Test
	void holdsPersonalDataWhileNoRulesAreConfigured() {
		Screening screening = new Screening(new StaticListableBeanFactory().getBeanProvider(ScreeningRules.class),
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
		assertThat(screening.screen(first("my SSN is 123-45-6789")).outcome()).isEqualTo(Outcome.HOLD);
	}

	@Test
	void usesTheGroupsRulesFromTheRulesBean() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		TermList blocked = TermList.compile(List.of(new WatchedTerm("spoiler", WatchAction.BLOCK)));
		beans.addBean("rules",
				(ScreeningRules) (issuer, groupId) -> new ScreeningRules.Rules(ScreeningPolicy.defaults(),
						TermList.empty(), (groupId == 7) ? blocked : TermList.empty()));
		Screening screening = new Screening(beans.getBeanProvider(ScreeningRules.class),
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
		assertThat(screening.screen(first("hello everyone")).reasonKey()).isEqualTo("moderation.held.new-member");
		assertThat(screening.screen(new Submission("sandbox", 7, "Patient/1", "a spoiler", 5, false)).outcome())
			.isEqualTo(Outcome.REFUSE);
		assertThat(screening.screen(new Submission("sandbox", 8, "Patient/1", "a spoiler", 5, false)).outcome())
			.isEqualTo(Outcome.ALLOW);
	}

	private static Submission first(String text) {
		return new Submission("sandbox", 7, "Patient/1", text, 0, false);
	}

}
