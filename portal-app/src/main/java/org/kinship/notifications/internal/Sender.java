package org.kinship.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands the stored e-mails to the mail server, {@code send-batch} at a time, each round's
 * e-mails shared among {@code send-connections} connections that hand their share over at
 * the same time; each share is marked sent once the server has taken it over its
 * connection, so a stop before that sends it again at most once per such stop, and a stop
 * before the hand-over sends it later, once. Every e-mail is in one share only. A member
 * who left the group since gets nothing about it, nor a reminder of a broadcast they
 * acknowledged since ({@link StillDue}); an address the server refuses is kept, marked
 * and shown to the member; other failures are tried again after a wait that doubles, up
 * to {@code max-attempts}. Logs carry counts only, never an address.
 */
@Component
class Sender {

	private static final Logger log = LoggerFactory.getLogger(Sender.class);

	private final EmailStore emails;

	private final ItemStore items;

	private final ContactStore contacts;

	private final StillDue stillDue;

	private final GroupNaming naming;

	private final MailComposer composer;

	private final org.springframework.beans.factory.ObjectProvider<JavaMailSender> mail;

	private final NotificationsProperties properties;

	private final NotificationMeters meters;

	private final org.kinship.moderation.ModerationSettings moderation;

	private final SimpleAsyncTaskExecutor connections;

	Sender(EmailStore emails, ItemStore items, ContactStore contacts, StillDue stillDue, GroupNaming naming,
			MailComposer composer, org.springframework.beans.factory.ObjectProvider<JavaMailSender> mail,
			NotificationsProperties properties, NotificationMeters meters,
			org.kinship.moderation.ModerationSettings moderation, SimpleAsyncTaskExecutorBuilder executors) {
		this.moderation = moderation;
		// a thread per connection of a round, from Boot's builder rather than an Executor
		// bean, which would make Boot drop its applicationTaskExecutor
		this.connections = executors.threadNamePrefix("notify-send-")
			.concurrencyLimit(properties.sendConnections())
			.build();
		this.connections.setDaemon(true);
		this.emails = emails;
		this.items = items;
		this.contacts = contacts;
		this.stillDue = stillDue;
		this.naming = naming;
		this.composer = composer;
		this.mail = mail;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Sends what is due, round after round, until nothing is left or the server fails.
	 * @param now the time
	 * @return how many e-mails the server took
	 */
	int send(Instant now) {
		JavaMailSender server = this.mail.getIfAvailable();
		if (server == null) {
			// no spring.mail.host: e-mails wait, stored, until one is configured
			return 0;
		}
		int sent = 0;
		while (true) {
			List<Email> due = this.emails.due(now, this.properties.sendBatch());
			if (due.isEmpty()) {
				return sent;
			}
			Round round = round(server, due, now);
			sent += round.sent;
			if (round.sent == 0 && round.retried > 0 || due.size() < this.properties.sendBatch()) {
				return sent;
			}
		}
	}

	private Round round(JavaMailSender server, List<Email> due, Instant now) {
		Map<Long, List<Item>> itemsOf = new HashMap<>();
		Set<Long> groupIds = new HashSet<>();
		for (ItemStore.InEmail in : this.items.ofEmails(due.stream().map(Email::id).toList())) {
			itemsOf.computeIfAbsent(in.emailId(), (id) -> new ArrayList<>()).add(in.item());
			if (in.item().groupId() != null) {
				groupIds.add(in.item().groupId());
			}
		}
		for (Email email : due) {
			if (email.kind() == Email.Kind.DIGEST && email.summary() != null) {
				groupIds.addAll(DigestSummary.parse(email.summary()).keySet());
			}
		}
		Context context = context(due, itemsOf, groupIds);
		Session session = server.createMimeMessage().getSession();
		Map<MimeMessage, Email> outgoing = new LinkedHashMap<>();
		List<Long> dropped = new ArrayList<>();
		for (Email email : due) {
			MimeMessage message = compose(session, email, itemsOf.getOrDefault(email.id(), List.of()), context);
			if (message == null) {
				dropped.add(email.id());
			}
			else {
				outgoing.put(message, email);
			}
		}
		this.emails.mark(dropped, EmailStore.DROPPED, now);
		return deliver(server, outgoing, context, now);
	}

	/**
	 * Hands a round's e-mails over, shared among the connections, and waits for every
	 * share.
	 */
	private Round deliver(JavaMailSender server, Map<MimeMessage, Email> outgoing, Context context, Instant now) {
		List<Map<MimeMessage, Email>> shares = shares(outgoing, this.properties.sendConnections());
		if (shares.size() <= 1) {
			return shares.isEmpty() ? new Round(0, 0) : handOver(server, shares.get(0), context, now);
		}
		List<CompletableFuture<Round>> handed = shares.stream()
			.map((share) -> this.connections.submitCompletable(() -> handOver(server, share, context, now)))
			.toList();
		try {
			// every share is marked (or failed) before the next round reads what is due
			CompletableFuture.allOf(handed.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		return handed.stream().map(CompletableFuture::join).reduce(new Round(0, 0), Round::plus);
	}

	/** The e-mails of a round in at most {@code count} shares of (nearly) equal size. */
	static <K, V> List<Map<K, V>> shares(Map<K, V> outgoing, int count) {
		int size = Math.max(1, (outgoing.size() + count - 1) / count);
		List<Map<K, V>> shares = new ArrayList<>();
		Map<K, V> share = new LinkedHashMap<>();
		for (Map.Entry<K, V> entry : outgoing.entrySet()) {
			share.put(entry.getKey(), entry.getValue());
			if (share.size() == size) {
				shares.add(share);
				share = new LinkedHashMap<>();
			}
		}
		if (!share.isEmpty()) {
			shares.add(share);
		}
		return shares;
	}

	/**
	 * Hands one share over one connection and marks it: sent, or failed for a later try.
	 */
	private Round handOver(JavaMailSender server, Map<MimeMessage, Email> share, Context context, Instant now) {
		Map<Object, Exception> failed = Map.of();
		try {
			server.send(share.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failed = ex.getFailedMessages();
		}
		catch (RuntimeException ex) {
			failed = new HashMap<>();
			for (MimeMessage message : share.keySet()) {
				failed.put(message, ex);
			}
		}
		List<Long> sent = new ArrayList<>();
		int retried = 0;
		for (Map.Entry<MimeMessage, Email> entry : share.entrySet()) {
			Exception failure = failed.get(entry.getKey());
			if (failure == null) {
				sent.add(entry.getValue().id());
			}
			else {
				retried += failed(entry.getValue(), context, failure, now) ? 1 : 0;
			}
		}
		this.emails.mark(sent, EmailStore.SENT, now);
		this.meters.sent(sent.size());
		if (!failed.isEmpty()) {
			log.warn("Notification e-mails: {} sent, {} not taken by the mail server", sent.size(), failed.size());
		}
		return new Round(sent.size(), retried);
	}

	/**
	 * @return whether the e-mail will be tried again
	 */
	private boolean failed(Email email, Context context, Exception failure, Instant now) {
		Contact contact = context.contacts.get(email.issuer() + " " + email.fhirUser());
		if (refusedAddress(failure) && contact != null && contact.email() != null) {
			this.contacts.refused(contact.issuer(), contact.fhirUser(), contact.email(), shortly(failure), now);
			this.emails.failed(email.id(), EmailStore.BOUNCED, now, shortly(failure));
			this.meters.bounced();
			return false;
		}
		int attempts = email.attempts() + 1;
		if (attempts >= this.properties.maxAttempts()) {
			this.emails.failed(email.id(), EmailStore.FAILED, now, shortly(failure));
			this.meters.failed();
			return false;
		}
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
		this.emails.failed(email.id(), EmailStore.PENDING, now.plus(wait), shortly(failure));
		return true;
	}

	private static boolean refusedAddress(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return true;
			}
		}
		return false;
	}

	private static String shortly(Throwable failure) {
		String text = failure.getClass().getSimpleName();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException && cause.getMessage() != null) {
				// the server's reply code and words; the address is not part of them
				text = cause.getMessage().lines().findFirst().orElse(text);
			}
		}
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

	private Context context(List<Email> due, Map<Long, List<Item>> itemsOf, Set<Long> groupIds) {
		List<String> users = due.stream().map(Email::fhirUser).distinct().toList();
		Map<String, Contact> contactOf = new HashMap<>();
		for (Contact contact : this.contacts.of(users)) {
			contactOf.put(contact.issuer() + " " + contact.fhirUser(), contact);
		}
		// the round's members only: a large group's other members are not read every
		// round
		List<Item> notices = itemsOf.values().stream().flatMap(List::stream).toList();
		return new Context(contactOf, this.stillDue.of(notices, groupIds, users), this.naming.of(groupIds, users));
	}

	private MimeMessage compose(Session session, Email email, List<Item> notices, Context context) {
		Contact contact = context.contacts.get(email.issuer() + " " + email.fhirUser());
		if (contact == null || !contact.reachable()) {
			return null;
		}
		try {
			return (email.kind() == Email.Kind.NOTICE) ? notice(session, email, contact, notices, context)
					: digest(session, email, contact, context);
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private MimeMessage notice(Session session, Email email, Contact contact, List<Item> notices, Context context)
			throws MessagingException {
		Map<Item.Kind, Map<String, Integer>> counts = new EnumMap<>(Item.Kind.class);
		for (Item item : notices) {
			if (context.check.told(item)) {
				counts.computeIfAbsent(item.kind(), (kind) -> new TreeMap<>())
					.merge(context.names.of(contact, item.groupId()), 1, Integer::sum);
			}
		}
		java.time.Duration target = notices.stream()
			.filter((item) -> item.kind() == Item.Kind.ESCALATION && item.groupId() != null)
			.map((item) -> this.moderation.inForce(item.issuer(), item.groupId()).responseTime())
			.min(java.time.Duration::compareTo)
			.orElse(null);
		return counts.isEmpty() ? null : this.composer.notice(session, email, contact, counts, target);
	}

	private MimeMessage digest(Session session, Email email, Contact contact, Context context)
			throws MessagingException {
		TreeMap<String, Integer> named = new TreeMap<>();
		int unnamedMessages = 0;
		int unnamedGroups = 0;
		for (Map.Entry<Long, Integer> group : DigestSummary.parse(String.valueOf(email.summary())).entrySet()) {
			if (!context.check.member(group.getKey(), contact.fhirUser())) {
				continue;
			}
			String name = context.names.of(contact, group.getKey());
			if (name.isEmpty()) {
				unnamedMessages += group.getValue();
				unnamedGroups++;
			}
			else {
				named.merge(name, group.getValue(), Integer::sum);
			}
		}
		return (named.isEmpty() && unnamedMessages == 0) ? null
				: this.composer.digest(session, email, contact, named, unnamedMessages, unnamedGroups);
	}

	private record Context(Map<String, Contact> contacts, StillDue.Check check, GroupNaming.Names names) {
	}

	private record Round(int sent, int retried) {

		Round plus(Round other) {
			return new Round(this.sent + other.sent, this.retried + other.retried);
		}

	}

}
