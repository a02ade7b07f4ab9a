package org.kinship.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.interaso.webpush.WebPush;
import org.jspecify.annotations.Nullable;
import org.kinship.notifications.internal.PushStore.Push;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends the stored pushes to the members' push services on the dispatch thread: each
 * encrypted for its browser (RFC 8291, {@code aes128gcm}) and signed with Kinship's VAPID
 * key (RFC 8292). A push says what its e-mail's subject says, in the member's language
 * ("You have 2 new replies in Kinship"), names the groups by the same rule as the e-mail
 * (only where the member allowed it, {@link GroupNaming}) and carries the link back
 * through the launch; never message text, a diagnosis or another member's name, since it
 * shows on a lock screen. Pushes go whether or not e-mail may go to the member. A push
 * service that answers 404 or 410 has dropped the subscription, which is removed; 429,
 * 5xx and network failures are tried again after a wait that doubles, up to
 * {@code max-attempts}. A push is marked once the push service answered, so a stop in
 * between sends it again at most once. Logs carry counts and HTTP statuses only, never an
 * endpoint.
 */
@Component
class PushSender {

	private static final Logger log = LoggerFactory.getLogger(PushSender.class);

	private final PushKeys keys;

	private final PushStore pushes;

	private final PushSubscriptionStore subscriptions;

	private final ItemStore items;

	private final ContactStore contacts;

	private final StillDue stillDue;

	private final MessageSource messages;

	private final JsonMapper json;

	private final NotificationsProperties properties;

	private final GroupNaming naming;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	PushSender(PushKeys keys, PushStore pushes, PushSubscriptionStore subscriptions, ItemStore items,
			ContactStore contacts, StillDue stillDue, MessageSource messages, JsonMapper json,
			NotificationsProperties properties, GroupNaming naming) {
		this.naming = naming;
		this.keys = keys;
		this.pushes = pushes;
		this.subscriptions = subscriptions;
		this.items = items;
		this.contacts = contacts;
		this.stillDue = stillDue;
		this.messages = messages;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Sends the pushes that are due.
	 * @param now the time
	 * @return how many the push services took
	 */
	int send(Instant now) {
		WebPush webPush = this.keys.webPush();
		if (webPush == null) {
			return 0;
		}
		List<Push> due = this.pushes.due(now, this.properties.sendBatch());
		if (due.isEmpty()) {
			return 0;
		}
		Map<Long, Told> texts = texts(due);
		List<Long> sent = new ArrayList<>();
		List<Long> dropped = new ArrayList<>();
		int expired = 0;
		int failed = 0;
		for (Push push : due) {
			Told told = texts.get(push.email().id());
			if (told == null) {
				dropped.add(push.id());
				continue;
			}
			Outcome outcome = deliver(webPush, push, told, now);
			switch (outcome) {
				case SENT -> sent.add(push.id());
				case EXPIRED -> expired++;
				case FAILED -> failed++;
			}
		}
		this.pushes.mark(sent, PushStore.SENT);
		this.pushes.mark(dropped, PushStore.DROPPED);
		if (expired > 0 || failed > 0) {
			log.warn("Pushes: {} sent, {} subscriptions expired, {} not taken by the push service", sent.size(),
					expired, failed);
		}
		return sent.size();
	}

	private Outcome deliver(WebPush webPush, Push push, Told told, Instant now) {
		String reason;
		try {
			byte[] body = webPush.getBody(payload(told), PushKeys.decode(push.p256dh()), PushKeys.decode(push.auth()));
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(push.endpoint()))
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			webPush.getHeaders(push.endpoint(), (int) this.properties.push().ttl().toSeconds(), null, null)
				.forEach(request::header);
			int status = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status >= 200 && status < 300) {
				return Outcome.SENT;
			}
			if (status == 404 || status == 410) {
				this.subscriptions.expired(push.subscriptionId());
				return Outcome.EXPIRED;
			}
			reason = "HTTP " + status;
			if (status != 429 && status < 500) {
				this.pushes.failed(push.id(), PushStore.FAILED, now, reason);
				return Outcome.FAILED;
			}
		}
		catch (IOException | RuntimeException ex) {
			reason = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			reason = ex.getClass().getSimpleName();
		}
		retry(push, reason, now);
		return Outcome.FAILED;
	}

	private void retry(Push push, String reason, Instant now) {
		int attempts = push.attempts() + 1;
		if (attempts >= this.properties.maxAttempts()) {
			this.pushes.failed(push.id(), PushStore.FAILED, now, reason);
			return;
		}
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
		this.pushes.failed(push.id(), PushStore.PENDING, now.plus(wait), reason);
	}

	private byte[] payload(Told told) {
		Contact contact = told.contact();
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("title", told.title());
		payload.put("body", told.body());
		payload.put("url", this.properties.baseUrl().replaceAll("/+$", "") + "/launch/standalone?issuer="
				+ URLEncoder.encode(contact.issuerKey(), StandardCharsets.UTF_8));
		payload.put("lang", contact.locale().getLanguage());
		return this.json.writeValueAsBytes(payload);
	}

	/**
	 * What each e-mail's pushes say, by e-mail id: its subject, counting only what the
	 * member may still be told (not a group they left, not a reminder of a broadcast they
	 * acknowledged since). No entry: nothing to tell.
	 */
	private Map<Long, Told> texts(List<Push> due) {
		Map<Long, Email> emails = new HashMap<>();
		due.forEach((push) -> emails.put(push.email().id(), push.email()));
		Map<Long, List<Item>> itemsOf = new HashMap<>();
		Set<Long> groupIds = new HashSet<>();
		List<Long> notices = emails.values()
			.stream()
			.filter((email) -> email.kind() == Email.Kind.NOTICE)
			.map(Email::id)
			.toList();
		for (ItemStore.InEmail in : this.items.ofEmails(notices)) {
			itemsOf.computeIfAbsent(in.emailId(), (id) -> new ArrayList<>()).add(in.item());
			if (in.item().groupId() != null) {
				groupIds.add(in.item().groupId());
			}
		}
		Map<Long, Map<Long, Integer>> digests = new HashMap<>();
		for (Email email : emails.values()) {
			if (email.kind() == Email.Kind.DIGEST && email.summary() != null) {
				digests.put(email.id(), DigestSummary.parse(email.summary()));
				groupIds.addAll(digests.get(email.id()).keySet());
			}
		}
		List<String> users = emails.values().stream().map(Email::fhirUser).distinct().toList();
		StillDue.Check check = this.stillDue.of(itemsOf.values().stream().flatMap(List::stream).toList(), groupIds,
				users);
		Map<String, Contact> contactOf = new HashMap<>();
		for (Contact contact : this.contacts.of(users)) {
			contactOf.put(contact.issuer() + " " + contact.fhirUser(), contact);
		}
		GroupNaming.Names names = this.naming.of(groupIds, users);
		Map<Long, Told> texts = new HashMap<>();
		for (Email email : emails.values()) {
			Contact contact = contactOf.get(email.issuer() + " " + email.fhirUser());
			Told told = (contact == null) ? null
					: (email.kind() == Email.Kind.NOTICE)
							? notice(contact, itemsOf.getOrDefault(email.id(), List.of()), check, names)
							: digest(contact, digests.getOrDefault(email.id(), Map.of()), check, names);
			if (told != null) {
				texts.put(email.id(), told);
			}
		}
		return texts;
	}

	private @Nullable Told notice(Contact contact, List<Item> notices, StillDue.Check check, GroupNaming.Names names) {
		Map<Item.Kind, Integer> counts = new EnumMap<>(Item.Kind.class);
		Set<String> named = new TreeSet<>();
		boolean unnamed = false;
		for (Item item : notices) {
			if (check.told(item)) {
				counts.merge(item.kind(), 1, Integer::sum);
				String name = names.of(contact, item.groupId());
				unnamed |= name.isEmpty();
				if (!name.isEmpty()) {
					named.add(name);
				}
			}
		}
		if (counts.isEmpty()) {
			return null;
		}
		int total = counts.values().stream().mapToInt(Integer::intValue).sum();
		String key = (counts.size() == 1)
				? "notifications.mail.subject." + counts.keySet().iterator().next().name().toLowerCase(Locale.ROOT)
				: "notifications.mail.subject.any";
		return told(contact, text(contact, key, total), named, unnamed);
	}

	private @Nullable Told digest(Contact contact, Map<Long, Integer> counts, StillDue.Check check,
			GroupNaming.Names names) {
		int total = 0;
		Set<String> named = new TreeSet<>();
		boolean unnamed = false;
		for (Map.Entry<Long, Integer> group : counts.entrySet()) {
			if (check.member(group.getKey(), contact.fhirUser())) {
				total += group.getValue();
				String name = names.of(contact, group.getKey());
				unnamed |= name.isEmpty();
				if (!name.isEmpty()) {
					named.add(name);
				}
			}
		}
		return (total == 0) ? null
				: told(contact, text(contact, "notifications.mail.subject.digest", total), named, unnamed);
	}

	/**
	 * The push's title and body: the groups named only where the member may be told their
	 * names, and said to be not all of them where some are not.
	 */
	private Told told(Contact contact, String title, Set<String> named, boolean unnamed) {
		String body = named.isEmpty() ? text(contact, "notifications.push.body")
				: text(contact, unnamed ? "notifications.push.body.named-and-more" : "notifications.push.body.named",
						String.join(", ", named));
		return new Told(title, body, contact);
	}

	private String text(Contact contact, String key, Object... args) {
		return this.messages.getMessage(key, args, contact.locale());
	}

	private record Told(String title, String body, Contact contact) {
	}

	private enum Outcome {

		SENT, EXPIRED, FAILED

	}

}
