package org.kinship.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What needs a person: held messages, flagged messages, urgent escalations and uncertain
 * risk to "please look" at, one card per message, most urgent and oldest first. Every
 * change publishes {@link ReviewQueueChanged} inside the caller's transaction, so that
 * open queues refresh after commit; a new escalation also publishes
 * {@link EscalationRaised}.
 */
@Component
public class ReviewQueue {

	private static final int MAX_REASONS = 1000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReviewQueue(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Puts a message in the queue, one card per message: while the message has an open
	 * item of any kind, this only adds its reasons to that item (a member's flag on an
	 * urgent message joins the urgent card); otherwise an earlier item of the same kind
	 * opens again with the reasons added, or a new item arrives.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param messageId the message
	 * @param author the author's {@code fhirUser}
	 * @param kind held, flagged, escalated or please look
	 * @param reasons what screening or members found, in words for facilitators
	 * @param responseTime for an escalation, how soon a person should take it; otherwise
	 * {@code null}
	 * @return the item's id
	 */
	@Transactional
	public long enqueue(String issuer, long groupId, long messageId, String author, Kind kind, String reasons,
			@Nullable Duration responseTime) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Optional<Item> earlier = openFor(messageId).stream().findFirst().or(() -> find(messageId, kind));
		if (earlier.isPresent()) {
			addReasons(earlier.get(), reasons);
			this.events.publishEvent(new ReviewQueueChanged(issuer, groupId));
			return earlier.get().id();
		}
		try {
			this.jdbc
				.sql("INSERT INTO review_item (issuer, group_id, message_id, author, kind, urgent, reasons, status, "
						+ "created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")
				.params(issuer, groupId, messageId, author, kind.name(), kind == Kind.ESCALATED, cut(reasons),
						Timestamp.from(now), (responseTime != null) ? Timestamp.from(now.plus(responseTime)) : null)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// a flag from another member got there first
			return enqueue(issuer, groupId, messageId, author, kind, reasons, responseTime);
		}
		Item item = find(messageId, kind).orElseThrow();
		this.events.publishEvent(new ReviewQueueChanged(issuer, groupId));
		if (kind == Kind.ESCALATED) {
			this.events.publishEvent(new EscalationRaised(issuer, groupId, item.id(), messageId));
		}
		else {
			this.events.publishEvent(new ReviewItemArrived(issuer, groupId, item.id()));
		}
		return item.id();
	}

	private void addReasons(Item item, String reasons) {
		if (item.reasons().contains(reasons)) {
			return;
		}
		this.jdbc.sql("UPDATE review_item SET reasons = ?, status = 'OPEN' WHERE id = ?")
			.params(cut(item.reasons() + "; " + reasons), item.id())
			.update();
	}

	/**
	 * The open items of some groups: urgent first, then oldest first.
	 * @param issuer the health system
	 * @param groupIds the groups the asker may moderate
	 * @return the items
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Item> open(String issuer, Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(SELECT + "WHERE issuer = :issuer AND status = 'OPEN' AND group_id IN (:groups) "
					+ "ORDER BY urgent DESC, created_at, id")
			.param("issuer", issuer)
			.param("groups", groupIds)
			.query(ReviewQueue::item)
			.list();
	}

	/**
	 * One item of a health system.
	 * @param issuer the health system
	 * @param id the item
	 * @return the item, or empty when it is not there or of another health system
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Item> find(String issuer, long id) {
		return this.jdbc.sql(SELECT + "WHERE issuer = ? AND id = ?")
			.params(issuer, id)
			.query(ReviewQueue::item)
			.optional();
	}

	/**
	 * The open items about one message.
	 * @param messageId the message
	 * @return the items
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Item> openFor(long messageId) {
		return this.jdbc.sql(SELECT + "WHERE message_id = ? AND status = 'OPEN'")
			.param(messageId)
			.query(ReviewQueue::item)
			.list();
	}

	/**
	 * The urgent escalations of a health system raised since a time, answered or not,
	 * oldest first: what response-time figures are made of. Whether and when someone
	 * first responded is {@link Item#acknowledgedAt()}, set by the first claim or
	 * decision.
	 * @param issuer the health system
	 * @param since the earliest creation time
	 * @return the escalations
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Item> escalationsSince(String issuer, Instant since) {
		return this.jdbc
			.sql(SELECT + "WHERE issuer = ? AND kind = 'ESCALATED' AND created_at >= ? ORDER BY created_at, id")
			.params(issuer, Timestamp.from(since))
			.query(ReviewQueue::item)
			.list();
	}

	private Optional<Item> find(long messageId, Kind kind) {
		return this.jdbc.sql(SELECT + "WHERE message_id = ? AND kind = ?")
			.params(messageId, kind.name())
			.query(ReviewQueue::item)
			.optional();
	}

	/**
	 * Someone takes an escalation: the countdown stops and others see who has it.
	 * @param item the item
	 * @param actor who takes it
	 * @return whether this call took it (false when someone else already had)
	 */
	@Transactional
	public boolean acknowledge(Item item, String actor) {
		int updated = this.jdbc
			.sql("UPDATE review_item SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? "
					+ "AND acknowledged_by IS NULL")
			.params(actor, Timestamp.from(Instant.now()), item.id())
			.update();
		this.events.publishEvent(new ReviewQueueChanged(item.issuer(), item.groupId()));
		return updated == 1;
	}

	/**
	 * Raises a "please look" item to an urgent escalation: the response-time countdown
	 * starts now, and {@link EscalationRaised} is published as for an escalation found by
	 * screening.
	 * @param item an open {@link Kind#LOOK} item
	 * @param responseTime how soon a person should take it
	 * @return whether this call raised it (false when it was no longer an open "please
	 * look" item)
	 */
	@Transactional
	public boolean escalate(Item item, Duration responseTime) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		int updated = this.jdbc
			.sql("UPDATE review_item SET kind = ?, urgent = TRUE, due_at = ? WHERE id = ? AND kind = ? "
					+ "AND status = 'OPEN'")
			.params(Kind.ESCALATED.name(), Timestamp.from(now.plus(responseTime)), item.id(), Kind.LOOK.name())
			.update();
		if (updated == 1) {
			this.events.publishEvent(new ReviewQueueChanged(item.issuer(), item.groupId()));
			this.events.publishEvent(new EscalationRaised(item.issuer(), item.groupId(), item.id(), item.messageId()));
		}
		return updated == 1;
	}

	/**
	 * Hands an item to a colleague: they have it now, as if they had taken it. When it
	 * was first taken stays as it was, so that the time to a first response is not reset.
	 * @param item an open item
	 * @param colleague who has it now
	 */
	@Transactional
	public void handOver(Item item, String colleague) {
		this.jdbc
			.sql("UPDATE review_item SET acknowledged_by = ?, acknowledged_at = COALESCE(acknowledged_at, ?) "
					+ "WHERE id = ? AND status = 'OPEN'")
			.params(colleague, Timestamp.from(Instant.now()), item.id())
			.update();
		this.events.publishEvent(new ReviewQueueChanged(item.issuer(), item.groupId()));
	}

	/**
	 * Closes every open item about a message with one decision.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param messageId the message
	 * @param actor who decided
	 * @param resolution the decision
	 * @return how many items were closed
	 */
	@Transactional
	public int resolve(String issuer, long groupId, long messageId, String actor, String resolution) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc
			.sql("UPDATE review_item SET status = 'RESOLVED', resolved_by = ?, resolved_at = ?, resolution = ?, "
					+ "acknowledged_by = COALESCE(acknowledged_by, ?), acknowledged_at = COALESCE(acknowledged_at, ?) "
					+ "WHERE message_id = ? AND status = 'OPEN'")
			.params(actor, now, resolution, actor, now, messageId)
			.update();
		this.events.publishEvent(new ReviewQueueChanged(issuer, groupId));
		return updated;
	}

	private static String cut(String reasons) {
		return (reasons.length() > MAX_REASONS) ? reasons.substring(0, MAX_REASONS) : reasons;
	}

	private static final String SELECT = "SELECT id, issuer, group_id, message_id, author, kind, urgent, reasons, "
			+ "status, created_at, due_at, acknowledged_by, acknowledged_at FROM review_item ";

	private static Item item(ResultSet rs, int row) throws SQLException {
		return new Item(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
				Kind.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getString(8), "OPEN".equals(rs.getString(9)),
				rs.getTimestamp(10).toInstant(), instant(rs.getTimestamp(11)), rs.getString(12),
				instant(rs.getTimestamp(13)));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Why a message is in the queue. */
	public enum Kind {

		/** Held by screening: stored, not delivered until approved. */
		HELD,
		/** Delivered, and flagged by screening or by members. */
		FLAGGED,
		/** Crisis or distress about care: a person should reach out soon. */
		ESCALATED,
		/**
		 * Uncertain crisis or care-distress risk: delivered, a facilitator should please
		 * look.
		 */
		LOOK

	}

	/**
	 * One entry of the queue.
	 *
	 * @param id its number
	 * @param issuer the health system
	 * @param groupId the group
	 * @param messageId the message
	 * @param author the author's {@code fhirUser}
	 * @param kind why it is there
	 * @param urgent whether it is an escalation
	 * @param reasons what was found, in words
	 * @param open whether it still needs a decision
	 * @param createdAt when it arrived
	 * @param dueAt for an escalation, the response-time target
	 * @param acknowledgedBy who took it, if anyone
	 * @param acknowledgedAt when
	 */
	public record Item(long id, String issuer, long groupId, long messageId, String author, Kind kind, boolean urgent,
			String reasons, boolean open, Instant createdAt, @Nullable Instant dueAt, @Nullable String acknowledgedBy,
			@Nullable Instant acknowledgedAt) {
	}

}
