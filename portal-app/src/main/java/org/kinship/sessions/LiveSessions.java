package org.kinship.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.chat.Chat;
import org.kinship.chat.Chat.SeqRange;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControlsChanged;
import org.kinship.groups.GroupDirectory;
import org.kinship.programs.HeldSession;
import org.kinship.programs.SignUps;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ModerationLog.Entry;
import org.kinship.sessions.internal.LocalTimes;
import org.kinship.sessions.internal.SessionStore;
import org.kinship.sessions.internal.SessionsProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling, starting and ending a group's live sessions, and what its page shows of
 * them. Only the group's staff change sessions, checked on the server for every call;
 * every change is written to the moderation log and published as
 * {@link GroupControlsChanged}, so that members' composers follow live.
 * <p>
 * Attendance: a member (not the group's staff) attended a session if, while it was live,
 * they had the group's page open or posted in it. An open page is seen when it loads and
 * each time it refreshes its sessions list: when the session starts or ends and whenever
 * the group's controls change. This is kept in the database, one row per member and
 * session, so that every node counts alike and a reload never counts twice.
 */
@Component
public class LiveSessions {

	private static final int MIN_TITLE = 3;

	private static final int MAX_TITLE = 120;

	private static final Duration MIN_LENGTH = Duration.ofMinutes(5);

	private final GroupDirectory groups;

	private final SignUps programs;

	private final SessionStore sessions;

	private final Chat chat;

	private final ModerationLog log;

	private final AuditLog audit;

	private final LocalTimes times;

	private final SessionsProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LiveSessions(GroupDirectory groups, SessionStore sessions, Chat chat, ModerationLog log, AuditLog audit,
			LocalTimes times, SessionsProperties properties, ApplicationEventPublisher events, Clock clock,
			SignUps programs) {
		this.programs = programs;
		this.groups = groups;
		this.sessions = sessions;
		this.chat = chat;
		this.log = log;
		this.audit = audit;
		this.times = times;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Schedules a session.
	 * @param principal one of the group's staff
	 * @param groupId the group
	 * @param form the session
	 * @return the group's slug
	 * @throws Refused when the person is not the group's staff or the form is not valid;
	 * nothing is saved then
	 */
	@Transactional
	public String schedule(KinshipPrincipal principal, long groupId, SessionForm form) {
		Seat seat = staffSeat(principal, groupId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String title = form.title().strip().replaceAll("\\s+", " ");
		if (title.length() < MIN_TITLE || title.length() > MAX_TITLE) {
			throw new Refused("sessions.error.title", MIN_TITLE, MAX_TITLE);
		}
		Duration length = Duration.ofMinutes(form.minutes());
		if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(this.properties.maxDuration()) > 0) {
			throw new Refused("sessions.error.length", MIN_LENGTH.toMinutes(),
					this.properties.maxDuration().toMinutes());
		}
		Instant start = (form.start() == null || form.start().isBlank()) ? now
				: this.times.parse(form.start()).orElseThrow(() -> new Refused("sessions.error.start"));
		if (start.isBefore(now.minus(Duration.ofMinutes(1)))) {
			throw new Refused("sessions.error.start-past");
		}
		start = start.isBefore(now) ? now : start;
		Instant end = start.plus(length);
		if (this.sessions.overlaps(groupId, start, end, 0, now)) {
			throw new Refused("sessions.error.overlap");
		}
		long id = this.sessions.insert(
				new LiveSession(0, groupId, title, form.posting(), start, end, null, null, null, null),
				principal.fhirUser());
		record(principal, seat, "SESSION_SCHEDULE", id,
				title + " (" + this.times.dateTime(start) + ", " + form.posting() + ", #" + id + ")");
		this.events.publishEvent(new SessionScheduled(principal.issuer(), groupId, id, start));
		return seat.slug();
	}

	/**
	 * Starts a scheduled session now, keeping its length.
	 * @param principal one of the group's staff
	 * @param groupId the group
	 * @param sessionId the session, still to come
	 * @return the group's slug
	 * @throws Refused when the person is not the group's staff or the session is not to
	 * come
	 */
	@Transactional
	public String start(KinshipPrincipal principal, long groupId, long sessionId) {
		Seat seat = staffSeat(principal, groupId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		LiveSession session = this.sessions.find(groupId, sessionId)
			.filter((found) -> found.upcomingAt(now) && found.endedAt() == null)
			.orElseThrow(() -> new Refused("sessions.error.not-upcoming"));
		Instant end = now.plus(Duration.between(session.startsAt(), session.endsAt()));
		if (this.sessions.overlaps(groupId, now, end, sessionId, now)) {
			throw new Refused("sessions.error.overlap");
		}
		this.sessions.reschedule(sessionId, now, end);
		record(principal, seat, "SESSION_START", sessionId, session.title() + " (#" + sessionId + ")");
		this.events.publishEvent(new SessionScheduled(principal.issuer(), groupId, sessionId, now));
		return seat.slug();
	}

	/**
	 * Ends a live session now, or a session already over, and keeps the facilitator's
	 * summary with the range of messages posted while it was live. Writing it again
	 * replaces the summary.
	 * @param principal one of the group's staff
	 * @param groupId the group
	 * @param sessionId a session that has started
	 * @param summary the summary
	 * @return the group's slug
	 * @throws Refused when the person is not the group's staff, the session has not
	 * started or the summary is empty or too long
	 */
	@Transactional
	public String end(KinshipPrincipal principal, long groupId, long sessionId, String summary) {
		Seat seat = staffSeat(principal, groupId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		LiveSession session = this.sessions.find(groupId, sessionId)
			.filter((found) -> !found.upcomingAt(now))
			.orElseThrow(() -> new Refused("sessions.error.not-started"));
		String text = summary.strip();
		if (text.isEmpty() || text.length() > this.properties.maxSummary()) {
			throw new Refused("sessions.error.summary", this.properties.maxSummary());
		}
		Instant end = session.liveAt(now) ? now : session.end();
		Optional<SeqRange> posted = this.chat.postedBetween(principal, groupId, session.startsAt(), end);
		this.sessions.end(sessionId, end, text, posted.map(SeqRange::first).orElse(null),
				posted.map(SeqRange::last).orElse(null));
		record(principal, seat, "SESSION_END", sessionId, session.title() + " (#" + sessionId + "): summary kept");
		return seat.slug();
	}

	/**
	 * The live, upcoming and past sessions of a group as this person may see them; a
	 * member who looks while a session is live is counted as attending it.
	 * @param principal who looks
	 * @param groupId the group
	 * @return the sessions, or empty without a seat in the group
	 */
	// no transaction: reads, and at most one statement that writes (the attendance)
	public Optional<SessionsView> view(KinshipPrincipal principal, long groupId) {
		Optional<Seat> found = this.groups.seat(principal, groupId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Seat seat = found.get();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Optional<LiveSession> live = this.sessions.live(groupId, now);
		if (live.isPresent() && !seat.staff()) {
			this.sessions.attended(live.get().id(), principal.fhirUser(), seat.displayName(), now);
		}
		List<LiveSession> upcoming = this.sessions.upcoming(groupId, now);
		List<Card> past = this.sessions.past(groupId, now)
			.stream()
			.map((session) -> card(principal, seat, session, true))
			.toList();
		Long nextChange = Stream
			.concat(live.stream().map(LiveSession::end), upcoming.stream().map(LiveSession::startsAt))
			.min(Instant::compareTo)
			.map(Instant::toEpochMilli)
			.orElse(null);
		List<ProgramCard> programSessions = seat.staff() ? this.programs.heldFor(groupId, this.properties.pastShown())
			.stream()
			.map((held) -> new ProgramCard(held, this.times.dateTime(held.startsAt())))
			.toList() : List.of();
		return Optional.of(new SessionsView(groupId, seat.slug(), seat.staff(), this.times.zone().getId(),
				live.map((session) -> card(principal, seat, session, false)).orElse(null),
				upcoming.stream().map((session) -> card(principal, seat, session, false)).toList(), past, nextChange,
				programSessions));
	}

	/**
	 * Whether a member attended one of a group's live sessions within a time: the first
	 * attendance a referral to the group waits for.
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @param from the start of the time
	 * @param until its end (excluded)
	 * @return true if they did
	 */
	public boolean attendedBetween(long groupId, String member, Instant from, Instant until) {
		return this.sessions.attendedBetween(groupId, member, from, until);
	}

	/**
	 * The slug of a group the person has a seat in, for going back to its page.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the slug
	 * @throws Refused without a seat in the group
	 */
	public String slug(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId)
			.map(Seat::slug)
			.orElseThrow(() -> Refused.forbidden("chat.error.not-member"));
	}

	private Card card(KinshipPrincipal principal, Seat seat, LiveSession session, boolean past) {
		List<String> attendees = this.sessions.attendees(session.id());
		List<ChatMessage> messages = List.of();
		if (past) {
			Optional<SeqRange> range = (session.firstSeq() != null && session.lastSeq() != null)
					? Optional.of(new SeqRange(session.firstSeq(), session.lastSeq()))
					: this.chat.postedBetween(principal, seat.groupId(), session.startsAt(), session.end());
			messages = range.map((seqs) -> this.chat.range(principal, seat.groupId(), seqs)).orElse(List.of());
		}
		return new Card(session, this.times.dateTime(session.startsAt()), this.times.time(session.end()),
				attendees.size(), seat.staff() ? attendees : List.of(), messages);
	}

	/**
	 * Whether a session still starts at the given time and has not been ended: so that a
	 * session announced at its start is announced once, at the start it kept, and not at
	 * all when it was ended before. No person is checked: this only answers about a
	 * session already announced to the group by {@link SessionScheduled}.
	 * @param groupId the group
	 * @param sessionId the session
	 * @param startsAt the start it was scheduled for
	 * @return true while it keeps that start and is not ended
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public boolean startsAsScheduled(long groupId, long sessionId, Instant startsAt) {
		return this.sessions.find(groupId, sessionId)
			.filter((session) -> session.endedAt() == null && session.startsAt().equals(startsAt))
			.isPresent();
	}

	/**
	 * Logs a change for the group's staff, with the session's title, and audits it with
	 * no title, since a title may say more about the members than the audit log should
	 * hold; both in the changing transaction.
	 */
	private void record(KinshipPrincipal principal, Seat seat, String action, long sessionId, String reason) {
		this.log
			.record(new Entry(principal.issuer(), seat.groupId(), principal.fhirUser(), action, null, null, reason));
		this.audit.recordAll(List.of(AuditLog.Stamped
			.now(new AuditEntry(principal.issuer(), principal.fhirUser(), null, AuditAction.GROUP_CONTROL,
					"group " + seat.groupId() + " " + action + " session " + sessionId, AuditEntry.SUCCESS))));
		this.events.publishEvent(new GroupControlsChanged(seat.groupId()));
	}

	private Seat staffSeat(KinshipPrincipal principal, long groupId) {
		Seat seat = this.groups.seat(principal, groupId).orElseThrow(() -> Refused.forbidden("chat.error.not-member"));
		if (!seat.staff()) {
			throw Refused.forbidden("groups.error.not-staff");
		}
		return seat;
	}

	/**
	 * A group's sessions as one person sees them.
	 *
	 * @param groupId the group
	 * @param slug the group's slug
	 * @param staff whether the person may schedule and end sessions
	 * @param timeZone the person's time zone (else the community's), in which times are
	 * shown and typed
	 * @param live the session live now, or {@code null}
	 * @param upcoming the sessions to come, soonest first
	 * @param past the sessions that have ended, latest first
	 * @param nextChange when a session next starts or ends (epoch milliseconds), for the
	 * page to refresh then; {@code null} when none is due
	 * @param programSessions for the group's staff, the sessions of the programs linked
	 * to the group that have started, latest first, so that attendance online and in
	 * person is seen in one place; empty for members
	 */
	public record SessionsView(long groupId, String slug, boolean staff, String timeZone, @Nullable Card live,
			List<Card> upcoming, List<Card> past, @Nullable Long nextChange, List<ProgramCard> programSessions) {
	}

	/**
	 * A program's session as the group's staff see it beside the live sessions.
	 *
	 * @param held the session and its attendance
	 * @param starts its start, in the person's time zone
	 */
	public record ProgramCard(HeldSession held, String starts) {
	}

	/**
	 * One session as the page shows it.
	 *
	 * @param session the session
	 * @param starts its start, in the community's time zone
	 * @param ends the time of day it ends
	 * @param attendance how many members attended
	 * @param attendees their names, for the group's staff only
	 * @param messages for a past session, the messages posted while it was live
	 */
	public record Card(LiveSession session, String starts, String ends, int attendance, List<String> attendees,
			List<ChatMessage> messages) {
	}

}
