package org.kinship.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.kinship.KinshipApplication;
import org.kinship.MariaDbTestDatabase;
import org.kinship.StaffedGroups;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.notifications.internal.Dispatch;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once across a stop: a node whose mail server refuses or defers everything is
 * stopped after one notice was committed and stored but not delivered, and another after
 * the commit of a second reply but before anything was decided about it; a new node on
 * the same database delivers each once, and the refused address is kept, marked and shown
 * to its member.
 */
class NotificationRestartIntegrationTests {

	@Test
	void aStopBetweenCommitAndSendLosesNothingAndSendsNothingTwice() throws Exception {
		String ana;
		String refused;
		KinshipPrincipal zoe;
		try (RefusingSmtp troubled = new RefusingSmtp();
				ConfigurableApplicationContext first = start(troubled.port())) {
			Community community = new Community(first);
			KinshipPrincipal anaMember = community.member("Ana");
			zoe = community.member("Zoe");
			KinshipPrincipal ben = community.member("Ben");
			ana = community.confirm(anaMember, "ana-" + UUID.randomUUID() + "@example.org");
			refused = community.confirm(zoe, "refused-" + UUID.randomUUID() + "@example.org");
			long asked = community.say(anaMember, "First question", null);
			long zoeAsked = community.say(zoe, "Second question", null);
			community.say(ben, "First answer", asked);
			community.say(ben, "An answer for Zoe", zoeAsked);
			// retries are immediate here: a refusal that came back as a deferral in one
			// round
			// (seen once, cause not found) is marked in the next
			Dispatch dispatch = first.getBean(Dispatch.class);
			dispatch.run();
			for (int round = 1; round < 3 && !status(first, refused).containsKey("BOUNCED"); round++) {
				dispatch.run();
			}
			assertThat(status(first, ana)).as("deferred by the server").containsEntry("PENDING", 1);
			assertThat(status(first, refused)).as("refused by the server").containsEntry("BOUNCED", 1);
			community.say(ben, "Second answer, committed just before the stop", asked);
		}

		try (ConfigurableApplicationContext second = start(Mailbox.port())) {
			Dispatch dispatch = second.getBean(Dispatch.class);
			dispatch.run();
			dispatch.run();
			List<MimeMessage> mail = Mailbox.to(ana);
			assertThat(mail).hasSize(2)
				.allSatisfy((message) -> assertThat(message.getSubject()).isEqualTo("You have a new reply in Kinship"));
			assertThat(mail).extracting((message) -> message.getMessageID()).doesNotHaveDuplicates();
			assertThat(status(second, ana)).containsOnly(Map.entry("SENT", 2));
			assertThat(Mailbox.to(refused)).isEmpty();
			NotificationSettingsView page = second.getBean(NotificationSettings.class).view(zoe);
			assertThat(page.contact().refused()).isTrue();
			assertThat(page.contact().email()).isEqualTo(refused);
		}
	}

	private static Map<String, Integer> status(ConfigurableApplicationContext context, String address) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		context.getBean(JdbcClient.class)
			.sql("SELECT e.status, COUNT(*) FROM notify_email e JOIN notify_contact c ON c.issuer = e.issuer "
					+ "AND c.fhir_user = e.fhir_user WHERE c.email = ? GROUP BY e.status")
			.param(address)
			.query((rs, row) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

	private static ConfigurableApplicationContext start(int smtpPort) {
		return new SpringApplicationBuilder(KinshipApplication.class)
			.properties("spring.datasource.url=" + MariaDbTestDatabase.url(),
					"spring.datasource.username=" + MariaDbTestDatabase.user(),
					"spring.datasource.password=" + MariaDbTestDatabase.password(), "server.port=0",
					"kinship.notifications.dispatch=false", "kinship.notifications.batch-window=PT0S",
					"kinship.notifications.retry-backoff=PT0S", "kinship.moderation.new-member-posts=0",
					"kinship.notifications.unsubscribe-key=" + "a2luc2hpcC10ZXN0LXVuc3Vic2NyaWJlLWtleS0zMmI=",
					"spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort)
			.run();
	}

	/** The community of one running node. */
	private static final class Community {

		private final ConfigurableApplicationContext context;

		private final StaffedGroups groups;

		private final Staffed circle;

		Community(ConfigurableApplicationContext context) {
			this.context = context;
			this.groups = StaffedGroups.in(context);
			this.circle = this.groups.group("Restart circle");
		}

		KinshipPrincipal member(String name) {
			return this.groups.member(this.circle.group(), name);
		}

		String confirm(KinshipPrincipal member, String address) {
			this.context.getBean(NotificationSettings.class)
				.saveContact(member, new ContactForm(address, "en", "UTC", "", ""));
			return address;
		}

		long say(KinshipPrincipal member, String text, Long replyTo) {
			return this.context.getBean(Chat.class)
				.send(member, this.circle.group().id(), new SendCommand(UUID.randomUUID().toString(), text, replyTo))
				.message()
				.id();
		}

	}

}
