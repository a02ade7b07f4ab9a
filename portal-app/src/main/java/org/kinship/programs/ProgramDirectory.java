package org.kinship.programs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.programs.internal.PostalCodes;
import org.kinship.programs.internal.PostalCodes.Point;
import org.kinship.programs.internal.ProgramRules;
import org.kinship.programs.internal.ProgramStore;
import org.kinship.programs.internal.ProgramsProperties;
import org.kinship.programs.internal.Schedule;
import org.kinship.programs.internal.SessionStore;
import org.kinship.shared.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's program directory: community managers create and edit programs, whose
 * weekly schedule is laid out as sessions; members search the programs still current. A
 * program leaves the directory by itself after the last day of its end date in the
 * community's time zone, with no job needed: every read asks for programs not yet ended.
 * Its owner is reminded {@code kinship.programs.reminder-before} ahead
 * ({@link #remindOwners}), once.
 */
@Component
public class ProgramDirectory {

	private final ProgramStore programs;

	private final SessionStore sessions;

	private final ProgramRules rules;

	private final Schedule schedule;

	private final PostalCodes postalCodes;

	private final GroupDirectory groups;

	private final ProgramsProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProgramDirectory(ProgramStore programs, SessionStore sessions, ProgramRules rules, Schedule schedule,
			PostalCodes postalCodes, GroupDirectory groups, ProgramsProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.programs = programs;
		this.sessions = sessions;
		this.rules = rules;
		this.schedule = schedule;
		this.postalCodes = postalCodes;
		this.groups = groups;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates a program and lays out its sessions.
	 * @param principal a community manager, who becomes its owner
	 * @param form the program
	 * @return the program
	 * @throws Refused when the form is not valid; nothing is saved then
	 * @throws AccessDeniedException for anyone but a community manager
	 */
	@Transactional
	public Program create(KinshipPrincipal principal, ProgramForm form) {
		requireManager(principal);
		Instant now = now();
		Program program = this.rules.program(form, 0, principal.issuer(), principal.fhirUser(), today(),
				(group) -> this.groups.find(principal.issuer(), group).isPresent());
		noClash(program);
		long id = this.programs.insert(program, point(program), now);
		Program saved = this.programs.find(principal.issuer(), id).orElseThrow();
		layOut(saved, now);
		return saved;
	}

	/**
	 * Changes a program. Sessions to come that nobody signed up for follow the new
	 * schedule; those with sign-ups stay, with the new capacity where it leaves every
	 * admitted member a place.
	 * @param principal a community manager
	 * @param id the program
	 * @param form the program
	 * @return the program
	 * @throws Refused when the form is not valid or there is no such program
	 */
	@Transactional
	public Program update(KinshipPrincipal principal, long id, ProgramForm form) {
		requireManager(principal);
		Program stored = this.programs.find(principal.issuer(), id)
			.orElseThrow(() -> Refused.notFound("programs.error.not-found"));
		Instant now = now();
		Program program = this.rules.program(form, id, principal.issuer(), stored.owner(), today(),
				(group) -> this.groups.find(principal.issuer(), group).isPresent());
		noClash(program);
		this.programs.update(program, point(program));
		this.sessions.dropEmptyUpcoming(id, now);
		this.sessions.capacity(id, program.capacity(), now);
		Program saved = this.programs.find(principal.issuer(), id).orElseThrow();
		layOut(saved, now);
		return saved;
	}

	/**
	 * A program as a member sees it: only while it is current. Community managers see
	 * ended ones too.
	 * @param principal who looks
	 * @param id the program
	 * @return the program, or empty
	 */
	public Optional<Program> find(KinshipPrincipal principal, long id) {
		return this.programs.find(principal.issuer(), id)
			.filter((program) -> program.currentOn(today()) || principal.has(CommunityRight.COMMUNITY_MANAGER));
	}

	/**
	 * Every program of the community, ended ones too, for its managers.
	 * @param principal a community manager
	 * @return the programs, latest end first
	 */
	public List<Program> manageable(KinshipPrincipal principal) {
		requireManager(principal);
		return this.programs.all(principal.issuer());
	}

	/**
	 * The current programs that match a search, nearest first when a postal code is
	 * given, by name otherwise.
	 * @param principal who searches
	 * @param search what they look for
	 * @return the matches, or why a postal code could not be used
	 */
	public Found search(KinshipPrincipal principal, ProgramSearch search) {
		Point from = null;
		boolean unknownPostalCode = false;
		if (search.postalCode() != null && !search.postalCode().isBlank()) {
			from = this.postalCodes.locate(search.postalCode()).orElse(null);
			unknownPostalCode = from == null;
		}
		int miles = Math.min(search.milesOrDefault(), this.properties.maxMiles());
		Point origin = from;
		List<Listing> listings = this.programs.current(principal.issuer(), today())
			.stream()
			.filter((program) -> search.groupId() == null || program.groupIds().contains(search.groupId()))
			.filter((program) -> search.language() == null || search.language().isBlank()
					|| program.language().equals(search.language()))
			.filter((program) -> search.day() == null || program.days().contains(search.day()))
			.map((program) -> new Listing(program, distance(origin, program)))
			.filter((listing) -> origin == null || listing.program().format() == ProgramFormat.VIDEO
					|| (listing.miles() != null && listing.miles() <= miles))
			.sorted(Comparator.comparing((Listing listing) -> (listing.miles() != null) ? listing.miles() : 0.0))
			.toList();
		return new Found(listings, unknownPostalCode, miles);
	}

	/**
	 * The current programs linked to a group, for its page.
	 * @param groupId the group
	 * @return the programs, by name
	 */
	public List<Program> linkedTo(long groupId) {
		return this.programs.linkedTo(groupId, today());
	}

	/**
	 * Reminds the owners of programs that end within
	 * {@code kinship.programs.reminder-before}, once per end date: the reminder waits for
	 * them on the programs' management page, and {@link ProgramEndingSoon} is published
	 * for each, so that they are told when away. Safe to run on every node: only the node
	 * that marks a program reminded publishes it.
	 * @return how many owners were reminded now
	 */
	@Transactional
	public int remindOwners() {
		LocalDate today = today();
		int reminded = 0;
		for (Program program : this.programs.dueReminder(today.plus(this.properties.reminderBefore()), today)) {
			if (this.programs.markReminded(program.id(), now())) {
				this.events.publishEvent(
						new ProgramEndingSoon(program.issuer(), program.id(), program.owner(), program.endsOn()));
				reminded++;
			}
		}
		return reminded;
	}

	/**
	 * The programs a person owns that are ending soon and whose reminder is due.
	 * @param principal the owner
	 * @return the programs, soonest end first
	 */
	public List<Program> endingSoon(KinshipPrincipal principal) {
		LocalDate today = today();
		return this.programs.all(principal.issuer())
			.stream()
			.filter((program) -> program.owner().equals(principal.fhirUser()) && program.remindedAt() != null
					&& program.currentOn(today))
			.sorted(Comparator.comparing(Program::endsOn))
			.toList();
	}

	/**
	 * The day in the community's time zone.
	 * @return today
	 */
	public LocalDate today() {
		return this.clock.instant().atZone(this.properties.timeZone()).toLocalDate();
	}

	/**
	 * Refuses an in-person program whose sessions would overlap those of another current
	 * program at the same place: one room, one group at a time.
	 */
	private void noClash(Program program) {
		if (program.format() != ProgramFormat.IN_PERSON) {
			return;
		}
		for (Program other : this.programs.current(program.issuer(), today())) {
			if (other.id() != program.id() && other.format() == ProgramFormat.IN_PERSON
					&& place(other).equals(place(program)) && other.days().stream().anyMatch(program.days()::contains)
					&& !other.endsOn().isBefore(program.startsOn()) && !program.endsOn().isBefore(other.startsOn())
					&& other.startTime().isBefore(program.endTime()) && program.startTime().isBefore(other.endTime())) {
				throw new Refused("programs.error.overlap", other.name());
			}
		}
	}

	private static String place(Program program) {
		String address = (program.address() != null) ? program.address() : "";
		return address.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + "|"
				+ program.postalCode();
	}

	private void layOut(Program program, Instant now) {
		for (Schedule.Span span : this.schedule.sessions(program, now)) {
			this.sessions.insert(program.id(), span.start(), span.end(), program.capacity());
		}
	}

	private @Nullable Point point(Program program) {
		return (program.postalCode() != null) ? this.postalCodes.locate(program.postalCode()).orElse(null) : null;
	}

	private @Nullable Double distance(@Nullable Point origin, Program program) {
		if (origin == null || program.postalCode() == null) {
			return null;
		}
		return this.postalCodes.locate(program.postalCode())
			.map((to) -> Math.round(PostalCodes.miles(origin, to) * 10) / 10.0)
			.orElse(null);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static void requireManager(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new AccessDeniedException("Only community managers keep the program directory");
		}
	}

	/**
	 * The programs a search found.
	 *
	 * @param listings the programs, with their distance
	 * @param unknownPostalCode whether the postal code given is not in Kinship's table
	 * (the search then ignores distance)
	 * @param miles the distance searched within
	 */
	public record Found(List<Listing> listings, boolean unknownPostalCode, int miles) {
	}

	/**
	 * A program in the search results.
	 *
	 * @param program the program
	 * @param miles how far it is from the postal code given, or {@code null}
	 */
	public record Listing(Program program, @Nullable Double miles) {
	}

}
