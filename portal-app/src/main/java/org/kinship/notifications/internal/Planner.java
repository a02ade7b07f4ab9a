package org.kinship.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kinship.broadcast.BroadcastInbox;
import org.kinship.chat.MessageAuthors;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Label;
import org.kinship.groups.Membership;
import org.kinship.groups.Memberships;
import org.kinship.notifications.Immediate;
import org.kinship.programs.SignUps;
import org.kinship.sessions.LiveSessions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, after commit, who is told of what happened: the author of the message
 * answered, the members mentioned, and those who follow a group in full; the author of a
 * post a facilitator decided about, the one whose request to join was answered; the
 * group's members when a live session starts (if it still starts then); a broadcast's
 * recipients who have not acknowledged it when the reminder is due; a group's staff of an
 * escalation or an item in its review queue; a program's member who still holds a place
 * before its session, and a program's owner before it ends. Never the one who acted,
 * never a member who chose nothing for the group. A round reads the outbox, the groups'
 * members, the answered messages' authors and the groups' stored choices once each,
 * whatever the number of events or members (and once per session or broadcast due), and
 * writes the notices in one batch.
 * <p>
 * A round's transaction reads committed data only: at MySQL's default isolation its
 * locking read of the outbox also locked the gaps after the rows it took, so a message
 * sent at that moment waited to add its own row while the round's update waited on that
 * row, and the database ended the deadlock by failing the send.
 */
@Component
class Planner {

	/** A round's transaction: it reads committed data only (see above). */
	static final TransactionDefinition ROUND = readCommitted();

	private final ActivityStore activities;

	private final ItemStore items;

	private final PreferenceStore preferences;

	private final Memberships memberships;

	private final GroupDirectory groups;

	private final MessageAuthors authors;

	private final LiveSessions sessions;

	private final BroadcastInbox broadcasts;

	private final SignUps signUps;

	private final NotificationsProperties properties;

	private final TransactionTemplate transactions;

	Planner(ActivityStore activities, ItemStore items, PreferenceStore preferences, Memberships memberships,
			GroupDirectory groups, MessageAuthors authors, LiveSessions sessions, BroadcastInbox broadcasts,
			SignUps signUps, NotificationsProperties properties, PlatformTransactionManager transactionManager) {
		this.signUps = signUps;
		this.sessions = sessions;
		this.broadcasts = broadcasts;
		this.activities = activities;
		this.items = items;
		this.preferences = preferences;
		this.memberships = memberships;
		this.groups = groups;
		this.authors = authors;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager, ROUND);
	}

	private static TransactionDefinition readCommitted() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return definition;
	}

	/**
	 * Plans what is due in the outbox until none is left, a batch per transaction.
	 * @param now the time
	 * @return how many activities were planned
	 */
	int plan(Instant now) {
		int total = 0;
		int planned;
		do {
			planned = Objects.requireNonNull(this.transactions.execute((status) -> planBatch(now)));
			total += planned;
		}
		while (planned == this.properties.planBatch());
		return total;
	}

	private int planBatch(Instant now) {
		List<Activity> batch = this.activities.unplanned(now, this.properties.planBatch());
		if (batch.isEmpty()) {
			return 0;
		}
		Set<Long> groupIds = new HashSet<>();
		Set<Long> answered = new HashSet<>();
		for (Activity activity : batch) {
			if (activity.groupId() != null) {
				groupIds.add(activity.groupId());
			}
			if (activity.replyTo() != null) {
				answered.add(activity.replyTo());
			}
		}
		Audience audience = new Audience(this.memberships.activeMembers(groupIds), this.preferences.ofGroups(groupIds));
		Map<Long, Label> labels = this.groups.labels(groupIds);
		Map<Long, String> replyAuthors = this.authors.of(answered);
		Map<Long, Set<String>> staff = staffOf(batch, labels);
		List<Item> notices = new ArrayList<>();
		for (Activity activity : batch) {
			Label label = (activity.groupId() != null) ? labels.get(activity.groupId()) : null;
			if (activity.kind() == Activity.Kind.BROADCAST) {
				notices.addAll(reminders(activity));
			}
			else if (activity.kind() == Activity.Kind.REFERRAL && activity.recipient() != null) {
				// told to the patient referred, whether or not they belong to a group yet
				notices.add(new Item(0, activity.issuer(), activity.recipient(), null, Item.Kind.REFERRAL, false,
						activity.createdAt(), null));
			}
			else if (activity.kind() == Activity.Kind.PROGRAM_SESSION) {
				notices.addAll(programSession(activity));
			}
			else if (activity.kind() == Activity.Kind.PROGRAM_ENDING && activity.recipient() != null) {
				notices.add(new Item(0, activity.issuer(), activity.recipient(), null, Item.Kind.PROGRAM_ENDING, false,
						activity.createdAt(), null));
			}
			else if (label != null && stillHappens(activity)) {
				notices.addAll(audience.noticesOf(activity, label.issuer(), replyAuthors, staff));
			}
		}
		this.items.insert(notices);
		this.activities.planned(batch.stream().map(Activity::id).toList());
		return batch.size();
	}

	/** A session is told at the start it kept, and not when it was ended before. */
	private boolean stillHappens(Activity activity) {
		return activity.kind() != Activity.Kind.SESSION
				|| (activity.subjectId() != null && activity.dueAt() != null && this.sessions.startsAsScheduled(
						Objects.requireNonNull(activity.groupId()), activity.subjectId(), activity.dueAt()));
	}

	/**
	 * A reminder of a program's session to the member who signed up, if they still hold a
	 * place from that sign-up (not cancelled, not still waiting) and it is still to
	 * start.
	 */
	private List<Item> programSession(Activity activity) {
		if (activity.recipient() == null || activity.subjectId() == null
				|| !this.signUps.holdsPlace(activity.subjectId(), activity.recipient(), activity.createdAt())) {
			return List.of();
		}
		return List.of(new Item(0, activity.issuer(), activity.recipient(), null, Item.Kind.PROGRAM_SESSION, false,
				activity.createdAt(), null));
	}

	/**
	 * A reminder to each recipient who has not acknowledged the broadcast yet and is
	 * still in its groups; checked again when it is batched and sent.
	 */
	private List<Item> reminders(Activity activity) {
		Long broadcastId = activity.subjectId();
		if (broadcastId == null) {
			return List.of();
		}
		return this.broadcasts.stillToRemind(List.of(broadcastId))
			.stream()
			.map((reminder) -> new Item(0, activity.issuer(), reminder.fhirUser(), null, Item.Kind.BROADCAST,
					activity.urgent(), activity.createdAt(), broadcastId))
			.toList();
	}

	/**
	 * The facilitators and sponsoring managers of the groups with escalations or review
	 * items.
	 */
	private Map<Long, Set<String>> staffOf(List<Activity> batch, Map<Long, Label> labels) {
		Map<Long, Set<String>> staff = new HashMap<>();
		for (Activity activity : batch) {
			Label label = (activity.groupId() != null) ? labels.get(activity.groupId()) : null;
			boolean forStaff = activity.kind() == Activity.Kind.ESCALATION || activity.kind() == Activity.Kind.REVIEW;
			if (forStaff && label != null && !staff.containsKey(label.id())) {
				this.groups.find(label.issuer(), label.id()).ifPresent((group) -> {
					Set<String> people = new HashSet<>(group.facilitators());
					people.addAll(group.sponsors());
					staff.put(group.id(), people);
				});
			}
		}
		return staff;
	}

	/** The members of the groups of one batch, with their choices. */
	private static final class Audience {

		private final Map<Long, Map<String, String>> nameToUser = new HashMap<>();

		private final Set<String> active = new HashSet<>();

		private final Map<String, Preference> chosen = new HashMap<>();

		private final Map<Long, List<String>> following = new HashMap<>();

		private final Map<Long, List<String>> membersOf = new HashMap<>();

		Audience(List<Membership> members, List<Preference> preferences) {
			for (Membership member : members) {
				this.membersOf.computeIfAbsent(member.groupId(), (id) -> new ArrayList<>()).add(member.fhirUser());
				this.nameToUser.computeIfAbsent(member.groupId(), (id) -> new HashMap<>())
					.put(member.displayName().toLowerCase(java.util.Locale.ROOT), member.fhirUser());
				this.active.add(key(member.groupId(), member.fhirUser()));
			}
			for (Preference preference : preferences) {
				this.chosen.put(key(preference.groupId(), preference.fhirUser()), preference);
				if (preference.immediate() == Immediate.EVERY) {
					this.following.computeIfAbsent(preference.groupId(), (id) -> new ArrayList<>())
						.add(preference.fhirUser());
				}
			}
		}

		List<Item> noticesOf(Activity activity, String issuer, Map<Long, String> replyAuthors,
				Map<Long, Set<String>> staff) {
			long groupId = Objects.requireNonNull(activity.groupId());
			Map<String, Item.Kind> told = new java.util.LinkedHashMap<>();
			switch (activity.kind()) {
				case MESSAGE -> {
					String actor = userNamed(groupId, activity.actorName());
					String answered = (activity.replyTo() != null) ? replyAuthors.get(activity.replyTo()) : null;
					if (answered != null && wantsAny(groupId, answered)) {
						told.put(answered, Item.Kind.REPLY);
					}
					for (String name : activity.mentions()) {
						String mentioned = userNamed(groupId, name);
						if (mentioned != null && wantsAny(groupId, mentioned)) {
							told.putIfAbsent(mentioned, Item.Kind.MENTION);
						}
					}
					for (String follower : this.following.getOrDefault(groupId, List.of())) {
						if (this.active.contains(key(groupId, follower))) {
							told.putIfAbsent(follower, Item.Kind.MESSAGE);
						}
					}
					if (actor != null) {
						told.remove(actor);
					}
				}
				case DECISION -> {
					if (activity.recipient() != null && wantsAny(groupId, activity.recipient())) {
						told.put(activity.recipient(), Item.Kind.DECISION);
					}
				}
				case JOIN_ANSWER -> told.put(Objects.requireNonNull(activity.recipient()), Item.Kind.JOIN_ANSWER);
				case ESCALATION ->
					staff.getOrDefault(groupId, Set.of()).forEach((person) -> told.put(person, Item.Kind.ESCALATION));
				case REVIEW ->
					staff.getOrDefault(groupId, Set.of()).forEach((person) -> told.put(person, Item.Kind.REVIEW));
				case SESSION -> this.membersOf.getOrDefault(groupId, List.of())
					.stream()
					.filter((member) -> wantsAny(groupId, member))
					.forEach((member) -> told.put(member, Item.Kind.SESSION));
				case BROADCAST, REFERRAL, PROGRAM_SESSION, PROGRAM_ENDING -> {
					// told to their recipients, not to a group's members
				}
			}
			List<Item> notices = new ArrayList<>(told.size());
			told.forEach((user, kind) -> notices
				.add(new Item(0, issuer, user, groupId, kind, activity.urgent(), activity.createdAt(), null)));
			return notices;
		}

		private boolean wantsAny(long groupId, String fhirUser) {
			Preference preference = this.chosen.get(key(groupId, fhirUser));
			return this.active.contains(key(groupId, fhirUser))
					&& (preference == null || preference.immediate() != Immediate.NONE);
		}

		private String userNamed(long groupId, String name) {
			return (name == null) ? null
					: this.nameToUser.getOrDefault(groupId, Map.of()).get(name.toLowerCase(java.util.Locale.ROOT));
		}

		private static String key(long groupId, String fhirUser) {
			return groupId + " " + fhirUser;
		}

	}

}
