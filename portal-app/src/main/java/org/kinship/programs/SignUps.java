package org.kinship.programs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.programs.internal.SessionStore;
import org.kinship.shared.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up for a program's sessions, the waiting list, and attendance. A session admits
 * no more members than its capacity however many sign up at once; the others wait in the
 * order they signed up, and a place given back goes to the first of them. A program's
 * staff (community managers, its owner, the facilitators of its linked groups) see who
 * signed up and take attendance. A sign-up publishes {@link ProgramSignedUp}, so that the
 * member is reminded before the session.
 */
@Component
public class SignUps {

	private static final int SESSIONS_SHOWN = 12;

	private final ProgramDirectory directory;

	private final SessionStore sessions;

	private final GroupDirectory groups;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignUps(ProgramDirectory directory, SessionStore sessions, GroupDirectory groups, ApplicationEventPublisher events,
			Clock clock) {
		this.directory = directory;
		this.sessions = sessions;
		this.groups = groups;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A program's page: its sessions to come with where this person stands.
	 * @param principal who looks
	 * @param programId the program
	 * @return the page, or empty when there is no such current program
	 */
	public Optional<ProgramPage> page(KinshipPrincipal principal, long programId) {
		Instant now = now();
		return this.directory.find(principal, programId).map((program) -> {
			List<SessionLine> lines = this.sessions.upcoming(programId, now, SESSIONS_SHOWN)
				.stream()
				.map((session) -> new SessionLine(session,
						this.sessions.status(session.id(), principal.fhirUser()).orElse(null)))
				.toList();
			boolean staff = staff(principal, program);
			List<ProgramSession> started = staff ? this.sessions.started(programId, now, SESSIONS_SHOWN) : List.of();
			return new ProgramPage(program, lines, staff, started);
		});
	}

	/**
	 * Signs a person up for a session: a place if one is left, the waiting list
	 * otherwise. Signing up again changes nothing.
	 * @param principal the member
	 * @param programId the program
	 * @param sessionId a session still to start
	 * @return where they stand
	 * @throws Refused when the session has started or is not this program's
	 */
	@Transactional
	public SignUpStatus signUp(KinshipPrincipal principal, long programId, long sessionId) {
		Program program = this.directory.find(principal, programId)
			.orElseThrow(() -> Refused.notFound("programs.error.not-found"));
		Instant now = now();
		ProgramSession session = this.sessions.find(programId, sessionId)
			.filter((found) -> found.startsAt().isAfter(now))
			.orElseThrow(() -> new Refused("programs.error.session-started"));
		Optional<SignUpStatus> status = this.sessions.signUp(session.id(), principal.fhirUser(),
				principal.displayName(), now);
		if (status.isPresent()) {
			this.events.publishEvent(new ProgramSignedUp(principal.issuer(), principal.fhirUser(), program.id(),
					session.id(), session.startsAt(), now));
			return status.get();
		}
		return this.sessions.status(session.id(), principal.fhirUser()).orElseThrow();
	}

	/**
	 * Gives a place or a waiting-list spot back.
	 * @param principal the member
	 * @param programId the program
	 * @param sessionId the session
	 * @throws Refused when the person had not signed up
	 */
	@Transactional
	public void cancel(KinshipPrincipal principal, long programId, long sessionId) {
		this.sessions.find(programId, sessionId).orElseThrow(() -> Refused.notFound("programs.error.not-found"));
		if (!this.sessions.cancel(sessionId, principal.fhirUser())) {
			throw new Refused("programs.error.not-signed-up");
		}
	}

	/**
	 * Who signed up for a session, for the program's staff.
	 * @param principal one of the program's staff
	 * @param programId the program
	 * @param sessionId the session
	 * @return the session and its sign-ups
	 * @throws Refused for anyone else (forbidden) or another program's session
	 */
	public Sheet sheet(KinshipPrincipal principal, long programId, long sessionId) {
		Program program = staffProgram(principal, programId);
		ProgramSession session = this.sessions.find(programId, sessionId)
			.orElseThrow(() -> Refused.notFound("programs.error.not-found"));
		return new Sheet(program, session, this.sessions.signUps(sessionId));
	}

	/**
	 * Records who came to a session that has started.
	 * @param principal one of the program's staff
	 * @param programId the program
	 * @param sessionId the session
	 * @param present the members who came
	 * @throws Refused for anyone else, or a session still to start
	 */
	@Transactional
	public void takeAttendance(KinshipPrincipal principal, long programId, long sessionId, List<String> present) {
		staffProgram(principal, programId);
		this.sessions.find(programId, sessionId)
			.filter((session) -> !session.startsAt().isAfter(now()))
			.orElseThrow(() -> new Refused("programs.error.not-started"));
		this.sessions.attendance(sessionId, present);
	}

	/**
	 * A member's sign-ups for sessions that have not ended.
	 * @param principal the member
	 * @return the sign-ups with their programs, soonest first
	 */
	public List<MySignUp> mine(KinshipPrincipal principal) {
		return this.sessions.mine(principal.fhirUser(), now())
			.stream()
			.flatMap((mine) -> this.directory.find(principal, mine.session().programId())
				.map((program) -> new MySignUp(program, mine.session(), mine.status()))
				.stream())
			.toList();
	}

	/**
	 * A member's sign-ups for sessions starting within a span from now, as a reminder at
	 * launch.
	 * @param principal the member
	 * @param within how far ahead
	 * @return the sign-ups, soonest first
	 */
	public List<MySignUp> comingUp(KinshipPrincipal principal, Duration within) {
		Instant until = now().plus(within);
		return mine(principal).stream().filter((mine) -> mine.session().startsAt().isBefore(until)).toList();
	}

	/**
	 * Whether a member came to a session of a program that started after a time.
	 * @param programId the program
	 * @param member the member's {@code fhirUser}
	 * @param since the time
	 * @return true when the staff marked them present
	 */
	public boolean attendedSince(long programId, String member, Instant since) {
		return this.sessions.attendedSince(programId, member, since);
	}

	/**
	 * Whether a member came to a session of a program that started in a span.
	 * @param programId the program
	 * @param member the member's {@code fhirUser}
	 * @param from the earliest start that counts
	 * @param to the latest
	 * @return true when the staff marked them present
	 */
	public boolean attendedBetween(long programId, String member, Instant from, Instant to) {
		return this.sessions.attendedBetween(programId, member, from, to);
	}

	/**
	 * Whether a member still holds a place, from one sign-up, in a session still to
	 * start: not cancelled since (nor signed up again), and admitted, by then or from the
	 * waiting list. For a reminder before the session.
	 * @param sessionId the session
	 * @param member the member's {@code fhirUser}
	 * @param signedAt when that sign-up was made ({@link ProgramSignedUp#signedAt})
	 * @return true if so
	 */
	public boolean holdsPlace(long sessionId, String member, Instant signedAt) {
		return this.sessions.holdsPlace(sessionId, member, signedAt, now());
	}

	/**
	 * The sessions of the programs linked to a group that have started, latest first,
	 * with their attendance: for the group's staff, beside its live sessions.
	 * @param groupId the group
	 * @param limit at most this many
	 * @return the sessions
	 */
	public List<HeldSession> heldFor(long groupId, int limit) {
		return this.sessions.heldFor(groupId, now(), limit);
	}

	/**
	 * Whether a person runs a program: a community manager, its owner, or a facilitator
	 * of a group it is linked to.
	 * @param principal the person
	 * @param program the program
	 * @return true if so
	 */
	public boolean staff(KinshipPrincipal principal, Program program) {
		return principal.has(CommunityRight.COMMUNITY_MANAGER) || program.owner().equals(principal.fhirUser())
				|| program.groupIds()
					.stream()
					.anyMatch((groupId) -> this.groups.find(principal.issuer(), groupId)
						.map((group) -> group.facilitatedBy(principal.fhirUser()))
						.orElse(false));
	}

	private Program staffProgram(KinshipPrincipal principal, long programId) {
		Program program = this.directory.find(principal, programId)
			.orElseThrow(() -> Refused.notFound("programs.error.not-found"));
		if (!staff(principal, program)) {
			throw Refused.forbidden("programs.error.not-staff");
		}
		return program;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A program's page for one person.
	 *
	 * @param program the program
	 * @param sessions its sessions to come, with where the person stands
	 * @param staff whether the person runs it
	 * @param started for its staff, sessions that have started (to take attendance)
	 */
	public record ProgramPage(Program program, List<SessionLine> sessions, boolean staff,
			List<ProgramSession> started) {
	}

	/**
	 * A session with where the person looking stands.
	 *
	 * @param session the session
	 * @param status their sign-up, or {@code null}
	 */
	public record SessionLine(ProgramSession session, @Nullable SignUpStatus status) {
	}

	/**
	 * A session's sign-ups, for taking attendance.
	 *
	 * @param program the program
	 * @param session the session
	 * @param signUps admitted first, then the waiting list
	 */
	public record Sheet(Program program, ProgramSession session, List<SignUp> signUps) {
	}

	/**
	 * One of a member's sign-ups.
	 *
	 * @param program the program
	 * @param session the session
	 * @param status a place or the waiting list
	 */
	public record MySignUp(Program program, ProgramSession session, SignUpStatus status) {
	}

}
