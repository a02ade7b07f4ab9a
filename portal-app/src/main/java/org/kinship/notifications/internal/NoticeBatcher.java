package org.kinship.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers each member's waiting notices into one e-mail once the first of them has waited
 * {@code batch-window} (several replies within a few minutes make one e-mail), except
 * during the member's quiet hours, when they wait for the morning (urgent ones excepted
 * where the community allows). Where the member's health system has the portal's message
 * centre, the same notices also make one message there ({@link MessageCentre}), with or
 * without an e-mail; and they make a push to every browser where the member allowed them
 * ({@link PushSender}), whether or not e-mail may go to the member. Notices for a member
 * who can be told no way, about a group they have left, or reminding of a broadcast they
 * have acknowledged since, are dropped ({@link StillDue}).
 */
@Component
class NoticeBatcher {

	private static final int ROUND = 5000;

	private final ItemStore items;

	private final EmailStore emails;

	private final ContactStore contacts;

	private final StillDue stillDue;

	private final MessageCentre messageCentre;

	private final PortalNoticeStore portal;

	private final NotificationsProperties properties;

	private final TransactionTemplate transactions;

	private final PushStore pushes;

	private final PushSubscriptionStore subscriptions;

	NoticeBatcher(ItemStore items, EmailStore emails, ContactStore contacts, StillDue stillDue,
			MessageCentre messageCentre, PortalNoticeStore portal, NotificationsProperties properties,
			TransactionTemplate transactions, PushStore pushes, PushSubscriptionStore subscriptions) {
		this.pushes = pushes;
		this.subscriptions = subscriptions;
		this.messageCentre = messageCentre;
		this.portal = portal;
		this.items = items;
		this.emails = emails;
		this.contacts = contacts;
		this.stillDue = stillDue;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Makes the e-mails that are due.
	 * @param now the time
	 * @return how many e-mails were made
	 */
	int batch(Instant now) {
		Integer made = this.transactions.execute((status) -> batchRound(now));
		return (made != null) ? made : 0;
	}

	private int batchRound(Instant now) {
		Map<String, List<Item>> byMember = new LinkedHashMap<>();
		Set<Long> groupIds = new HashSet<>();
		List<Item> waiting = this.items.waiting(ROUND);
		for (Item item : waiting) {
			byMember.computeIfAbsent(item.issuer() + " " + item.fhirUser(), (key) -> new ArrayList<>()).add(item);
			if (item.groupId() != null) {
				groupIds.add(item.groupId());
			}
		}
		if (byMember.isEmpty()) {
			return 0;
		}
		List<String> users = byMember.values().stream().map((list) -> list.get(0).fhirUser()).distinct().toList();
		Map<String, Contact> contactOf = new HashMap<>();
		for (Contact contact : this.contacts.of(users)) {
			contactOf.put(contact.issuer() + " " + contact.fhirUser(), contact);
		}
		Set<String> pushed = this.subscriptions.subscribed(users);
		StillDue.Check check = this.stillDue.of(waiting, groupIds, users);
		List<Long> dropped = new ArrayList<>();
		int made = 0;
		for (Map.Entry<String, List<Item>> entry : byMember.entrySet()) {
			Contact contact = contactOf.get(entry.getKey());
			String patientId = (contact != null) ? this.messageCentre.patientOf(contact) : null;
			boolean push = pushed.contains(entry.getKey());
			boolean told = contact != null && (contact.reachable() || patientId != null || push);
			List<Item> keep = new ArrayList<>();
			for (Item item : entry.getValue()) {
				if (!told || !check.told(item)) {
					dropped.add(item.id());
				}
				else {
					keep.add(item);
				}
			}
			if (!keep.isEmpty() && due(contact, keep, now)) {
				made += tell(contact, patientId, push, keep, now);
			}
		}
		this.items.dropped(dropped);
		return made;
	}

	/**
	 * Stores the e-mail with its pushes, and the message centre's notice where the health
	 * system has it; for a member e-mail may not go to, the e-mail is kept for its pushes
	 * only.
	 * @return how many e-mails were made
	 */
	private int tell(Contact contact, @Nullable String patientId, boolean push, List<Item> notices, Instant now) {
		List<Long> ids = notices.stream().map(Item::id).toList();
		if (patientId != null) {
			Map<Item.Kind, Integer> counts = new EnumMap<>(Item.Kind.class);
			notices.forEach((item) -> counts.merge(item.kind(), 1, Integer::sum));
			this.portal.insert(contact, patientId, counts, now);
		}
		if (!contact.reachable() && !push) {
			this.items.toldInMessageCentre(ids);
			return 0;
		}
		long emailId = this.emails.insertNotice(contact.issuer(), contact.fhirUser(), contact.reachable(), now);
		this.items.emailed(ids, emailId);
		this.pushes.withNotice(emailId, now);
		return contact.reachable() ? 1 : 0;
	}

	private boolean due(Contact contact, List<Item> waiting, Instant now) {
		// urgent notices wait for no batch, and break quiet hours where the community
		// allows
		boolean urgent = waiting.stream().anyMatch(Item::urgent);
		if (contact.quietAt(now)
				&& !(urgent && this.properties.urgentInQuietHoursIssuers().contains(contact.issuerKey()))) {
			return false;
		}
		Instant oldest = waiting.stream().map(Item::createdAt).min(Instant::compareTo).orElse(now);
		return urgent || !oldest.plus(this.properties.batchWindow()).isAfter(now);
	}

}
