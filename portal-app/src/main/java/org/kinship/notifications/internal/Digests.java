package org.kinship.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.kinship.groups.GroupDirectory;
import org.kinship.groups.Membership;
import org.kinship.groups.Memberships;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Composes the daily digest of every member whose local digest hour has come, e-mailed
 * where e-mail may go to them and pushed where they allowed pushes: for each of their
 * groups in the digest, how many messages were posted since their last one. Works on the
 * whole community at once, never one query per member: the reachable contacts, the
 * messages posted, the members of the groups where something happened and their stored
 * choices are read once each, and the digests, their pushes and digest times written in
 * one batch each. Runs on the dispatch thread, never on a request's.
 */
@Component
class Digests {

	/** The longest a digest looks back, for a member whose last digest is long ago. */
	private static final Duration MAX_SPAN = Duration.ofDays(7);

	private final ContactStore contacts;

	private final ActivityStore activities;

	private final PreferenceStore preferences;

	private final Memberships memberships;

	private final EmailStore emails;

	private final GroupDirectory groups;

	private final NotificationsProperties properties;

	private final TransactionTemplate transactions;

	private final PushStore pushes;

	Digests(ContactStore contacts, ActivityStore activities, PreferenceStore preferences, Memberships memberships,
			EmailStore emails, GroupDirectory groups, NotificationsProperties properties,
			TransactionTemplate transactions, PushStore pushes) {
		this.pushes = pushes;
		this.groups = groups;
		this.contacts = contacts;
		this.activities = activities;
		this.preferences = preferences;
		this.memberships = memberships;
		this.emails = emails;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Composes the digests that are due.
	 * @param now the time
	 * @return how many digests were made (members with nothing to report get none)
	 */
	int compose(Instant now) {
		List<Contact> due = this.contacts.reachableOrPushed()
			.stream()
			.filter((contact) -> contact.digestDue(now, this.properties.digestHour()) && !contact.quietAt(now))
			.toList();
		if (due.isEmpty()) {
			return 0;
		}
		Map<Long, List<Instant>> posted = posted(due, now);
		Map<Contact, String> digests = summaries(due, posted, now);
		this.transactions.executeWithoutResult((status) -> {
			this.emails.insertDigests(digests, now);
			this.pushes.withDigests(now);
			this.contacts.digested(due, now);
		});
		return digests.size();
	}

	private Map<Long, List<Instant>> posted(List<Contact> due, Instant now) {
		Instant from = due.stream().map((contact) -> since(contact, now)).min(Instant::compareTo).orElse(now);
		Map<Long, List<Instant>> posted = new HashMap<>();
		for (ActivityStore.Posted message : this.activities.messagesBetween(from, now)) {
			posted.computeIfAbsent(message.groupId(), (id) -> new ArrayList<>()).add(message.at());
		}
		return posted;
	}

	private Map<Contact, String> summaries(List<Contact> due, Map<Long, List<Instant>> posted, Instant now) {
		Map<Long, GroupDirectory.Label> labels = this.groups.labels(posted.keySet());
		Map<String, List<Long>> groupsOf = new HashMap<>();
		for (Membership member : this.memberships.activeMembers(posted.keySet())) {
			GroupDirectory.Label label = labels.get(member.groupId());
			if (label != null) {
				groupsOf.computeIfAbsent(label.issuer() + " " + member.fhirUser(), (user) -> new ArrayList<>())
					.add(member.groupId());
			}
		}
		Set<String> left = new HashSet<>();
		for (Preference preference : this.preferences.ofGroups(posted.keySet())) {
			if (!preference.digest()) {
				left.add(preference.groupId() + " " + preference.fhirUser());
			}
		}
		Map<Contact, String> digests = new LinkedHashMap<>();
		for (Contact contact : due) {
			Instant since = since(contact, now);
			Map<Long, Integer> counts = new TreeMap<>();
			for (long groupId : groupsOf.getOrDefault(contact.issuer() + " " + contact.fhirUser(), List.of())) {
				if (!left.contains(groupId + " " + contact.fhirUser())) {
					int count = (int) posted.get(groupId).stream().filter((at) -> at.isAfter(since)).count();
					if (count > 0) {
						counts.put(groupId, count);
					}
				}
			}
			if (!counts.isEmpty()) {
				digests.put(contact, DigestSummary.format(counts));
			}
		}
		return digests;
	}

	private static Instant since(Contact contact, Instant now) {
		Instant earliest = now.minus(MAX_SPAN);
		Instant last = (contact.lastDigestAt() != null) ? contact.lastDigestAt() : now.minus(Duration.ofDays(1));
		return last.isBefore(earliest) ? earliest : last;
	}

}
