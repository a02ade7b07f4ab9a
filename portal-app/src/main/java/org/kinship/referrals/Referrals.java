package org.kinship.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.Suggestions;
import org.kinship.groups.Suggestions.Suggested;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.programs.Program;
import org.kinship.programs.ProgramDirectory;
import org.kinship.programs.ProgramSearch;
import org.kinship.programs.SignUps;
import org.kinship.referrals.internal.EhrReferrals;
import org.kinship.referrals.internal.ReferralEhrDue;
import org.kinship.referrals.internal.ReferralStore;
import org.kinship.referrals.internal.ReferralsProperties;
import org.kinship.sessions.LiveSessions;
import org.kinship.shared.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referrals from a clinician's chart to groups and programs, and the patient's answer. A
 * clinician refers only the patient in the chart they launched from; a patient answers
 * only their own referrals, and a referral answered (accepted or declined) is never
 * offered again. The referral is committed before the EHR is asked, and the EHR is asked
 * after commit in the background ({@code EhrReferrals}), so that the clinician never
 * waits on it and a refusal or an outage there loses nothing.
 */
@Component
public class Referrals {

	private static final int SHOWN = 50;

	private static final Comparator<Referral> LATEST_FIRST = Comparator.comparing(Referral::createdAt)
		.thenComparingLong(Referral::id)
		.reversed();

	private final ReferralStore store;

	private final EhrReferrals ehr;

	private final Suggestions suggestions;

	private final GroupDirectory groups;

	private final ProgramDirectory programs;

	private final SignUps signUps;

	private final LiveSessions sessions;

	private final ApplicationEventPublisher events;

	private final ReferralsProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Referrals(ReferralStore store, EhrReferrals ehr, Suggestions suggestions, GroupDirectory groups,
			ProgramDirectory programs, SignUps signUps, LiveSessions sessions, ReferralsProperties properties,
			TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.events = events;
		this.store = store;
		this.ehr = ehr;
		this.suggestions = suggestions;
		this.groups = groups;
		this.programs = programs;
		this.signUps = signUps;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What a clinician may refer the patient in their chart to: groups and programs that
	 * fit the record first, then the others; and the referrals already made for them.
	 * @param clinician a clinician launched with a patient in context
	 * @return the choices
	 * @throws Refused (forbidden) for anyone else
	 */
	public Choices choices(KinshipPrincipal clinician) {
		String patient = chartPatient(clinician);
		Suggested fitting = this.suggestions.forChart(clinician);
		Set<Long> fit = fitting.groups().stream().map(Group::id).collect(Collectors.toSet());
		List<Group> others = this.groups.listed(clinician, "")
			.stream()
			.filter((group) -> group.status() == GroupStatus.OPEN && !fit.contains(group.id()))
			.toList();
		List<Program> current = this.programs.search(clinician, ProgramSearch.everything())
			.listings()
			.stream()
			.map((listing) -> listing.program())
			.toList();
		List<Program> fitPrograms = current.stream()
			.filter((program) -> program.groupIds().stream().anyMatch(fit::contains))
			.toList();
		List<Program> otherPrograms = current.stream().filter((program) -> !fitPrograms.contains(program)).toList();
		return new Choices(fitting.source(), fitting.groups(), others, fitPrograms, otherPrograms,
				this.store.ofPatient(clinician.issuer(), patient));
	}

	/**
	 * Refers the patient in the clinician's chart to a group or a program, and, where the
	 * health system allows it, makes it due to be recorded in the EHR after commit.
	 * Publishes {@link ReferralMade}.
	 * @param clinician a clinician launched with a patient in context
	 * @param form the group or program, and an optional note
	 * @return the referral as committed, with whether it fitted the record and, where the
	 * EHR takes referrals, {@link EhrRecord#PENDING}: the EHR is not waited for
	 * @throws Refused when there is no such open group or current program, the note is
	 * too long, or the patient already has an open referral to it
	 */
	public Referral refer(KinshipPrincipal clinician, ReferralForm form) {
		String patient = chartPatient(clinician);
		String note = (form.note() != null && !form.note().isBlank()) ? form.note().strip() : null;
		if (note != null && note.length() > this.properties.maxNote()) {
			throw new Refused("referrals.error.note", this.properties.maxNote());
		}
		Target target = target(clinician, form);
		boolean fits = fits(clinician, target);
		boolean already = this.store.ofPatient(clinician.issuer(), patient)
			.stream()
			.anyMatch((referral) -> referral.open() && target.is(referral));
		if (already) {
			throw new Refused("referrals.error.already", target.name());
		}
		Instant now = now();
		EhrRecord ehr = this.ehr.enabledFor(clinician.issuerKey()) ? EhrRecord.PENDING : EhrRecord.NOT_ASKED;
		Referral draft = new Referral(0, clinician.issuer(), clinician.issuerKey(), patient, clinician.fhirUser(),
				clinician.displayName(), target.groupId(), target.programId(), target.name(), note, fits,
				ReferralState.SENT, ehr, null, null, now, now);
		// as committed: the EHR is asked after commit, not waited for
		return this.transactions.execute((status) -> {
			long stored = this.store.insert(draft);
			// the patient is told when away, through their notification channels
			this.events.publishEvent(new ReferralMade(draft.issuer(), stored, patient));
			if (ehr == EhrRecord.PENDING) {
				// written after commit, and again until the EHR answers
				this.events.publishEvent(new ReferralEhrDue(stored, draft.issuer()));
			}
			return this.store.find(clinician.issuer(), stored).orElseThrow();
		});
	}

	/**
	 * The referrals a patient has not answered yet, marked as seen.
	 * @param principal who looks
	 * @return the open referrals, latest first; none for anyone but a patient
	 */
	public List<Referral> waitingFor(KinshipPrincipal principal) {
		if (principal.role() != KinshipRole.PATIENT) {
			return List.of();
		}
		Instant now = now();
		List<Referral> open = this.store.ofPatient(principal.issuer(), principal.fhirUser())
			.stream()
			.filter(Referral::open)
			.toList();
		open.stream()
			.filter((referral) -> referral.state() == ReferralState.SENT)
			.forEach(
					(referral) -> this.store.move(referral.id(), ReferralState.SEEN, now, List.of(ReferralState.SENT)));
		return open;
	}

	/**
	 * The patient accepts a referral: the page to join the group or sign up follows.
	 * @param principal the patient referred
	 * @param id the referral
	 * @return the path of that page
	 * @throws Refused when it is not their open referral
	 */
	public String accept(KinshipPrincipal principal, long id) {
		Referral referral = ownOpen(principal, id);
		this.store.move(id, ReferralState.ACCEPTED, now(), List.of(ReferralState.SENT, ReferralState.SEEN));
		if (referral.programId() != null) {
			return "/programs/" + referral.programId();
		}
		return this.groups.find(principal.issuer(), referral.groupId())
			.map((group) -> "/groups/" + group.slug() + "/join")
			.orElse("/groups");
	}

	/**
	 * The patient declines a referral; it is never offered again.
	 * @param principal the patient referred
	 * @param id the referral
	 * @throws Refused when it is not their open referral
	 */
	public void decline(KinshipPrincipal principal, long id) {
		ownOpen(principal, id);
		this.store.move(id, ReferralState.DECLINED, now(), List.of(ReferralState.SENT, ReferralState.SEEN));
	}

	/**
	 * The referrals a clinician made, latest first, each in its state now.
	 * @param clinician the clinician
	 * @return the referrals
	 */
	public List<Referral> sentBy(KinshipPrincipal clinician) {
		return this.store.byReferrer(clinician.issuer(), clinician.fhirUser(), SHOWN)
			.stream()
			.map(this::current)
			.toList();
	}

	/**
	 * The community's referrals made in the last year and where they stand, for its
	 * managers: each referral with no patient named, and counts below
	 * {@code kinship.referrals.smallest-count} left out.
	 * @param manager a community manager
	 * @return the loop
	 * @throws Refused (forbidden) for anyone else
	 */
	public Loop loop(KinshipPrincipal manager) {
		if (!manager.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw Refused.forbidden("referrals.error.not-manager");
		}
		List<Referral> all = this.store.since(manager.issuer(), now().minus(365, ChronoUnit.DAYS))
			.stream()
			.map(this::current)
			.toList();
		long attendedInWindow = all.stream()
			.filter((referral) -> attendedBetween(referral, referral.createdAt(),
					referral.createdAt().plus(this.properties.attendanceWindow())))
			.count();
		Map<ReferralState, @Nullable Long> counts = new EnumMap<>(ReferralState.class);
		for (ReferralState state : ReferralState.values()) {
			counts.put(state, shown(all.stream().filter((referral) -> referral.state() == state).count()));
		}
		return new Loop(shown(all.size()), counts, shown(attendedInWindow), this.properties.attendanceWindow().toDays(),
				this.properties.smallestCount(), all.stream().sorted(LATEST_FIRST).limit(SHOWN).toList());
	}

	/**
	 * Whether the referral's patient attended a first session of what they were referred
	 * to within a time: a program's session, or one of the group's live sessions.
	 */
	private boolean attendedBetween(Referral referral, Instant from, Instant until) {
		if (referral.programId() != null) {
			return this.signUps.attendedBetween(referral.programId(), referral.patient(), from, until);
		}
		return referral.groupId() != null
				&& this.sessions.attendedBetween(referral.groupId(), referral.patient(), from, until);
	}

	/**
	 * A referral accepted moves on once its patient attended a session: of the program,
	 * or a live session of the group.
	 */
	private Referral current(Referral referral) {
		if (referral.state() == ReferralState.ACCEPTED
				&& attendedBetween(referral, referral.createdAt(), now().plusSeconds(1))) {
			this.store.move(referral.id(), ReferralState.ATTENDED, now(), List.of(ReferralState.ACCEPTED));
			return this.store.find(referral.issuer(), referral.id()).orElse(referral);
		}
		return referral;
	}

	private @Nullable Long shown(long count) {
		return (count >= this.properties.smallestCount()) ? count : null;
	}

	private Referral ownOpen(KinshipPrincipal principal, long id) {
		return this.store.find(principal.issuer(), id)
			.filter((referral) -> referral.patient().equals(principal.fhirUser()) && referral.open())
			.orElseThrow(() -> Refused.notFound("referrals.error.not-found"));
	}

	private Target target(KinshipPrincipal clinician, ReferralForm form) {
		if (form.programId() != null) {
			Program program = this.programs.find(clinician, form.programId())
				.filter((found) -> found.currentOn(this.programs.today()))
				.orElseThrow(() -> new Refused("referrals.error.target"));
			return new Target(null, program.id(), program.name(), program.groupIds());
		}
		if (form.groupId() != null) {
			Group group = this.groups.find(clinician.issuer(), form.groupId())
				.filter((found) -> found.status() == GroupStatus.OPEN)
				.orElseThrow(() -> new Refused("referrals.error.target"));
			return new Target(group.id(), null, group.name(), Set.of(group.id()));
		}
		throw new Refused("referrals.error.target");
	}

	private boolean fits(KinshipPrincipal clinician, Target target) {
		Set<Long> fit = this.suggestions.forChart(clinician)
			.groups()
			.stream()
			.map(Group::id)
			.collect(Collectors.toSet());
		return target.groups().stream().anyMatch(fit::contains);
	}

	private static String chartPatient(KinshipPrincipal clinician) {
		if (clinician.role() != KinshipRole.CLINICIAN || clinician.patientId() == null) {
			throw Refused.forbidden("referrals.error.no-chart");
		}
		return "Patient/" + clinician.patientId();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private record Target(@Nullable Long groupId, @Nullable Long programId, String name, Set<Long> groups) {

		boolean is(Referral referral) {
			return (this.groupId != null && this.groupId.equals(referral.groupId()))
					|| (this.programId != null && this.programId.equals(referral.programId()));
		}

	}

	/**
	 * What a clinician may refer their chart's patient to.
	 *
	 * @param source whether the record was read for the fitting ones, and if not, why
	 * @param fittingGroups open groups that fit the record
	 * @param otherGroups the other open groups
	 * @param fittingPrograms current programs linked to a fitting group
	 * @param otherPrograms the other current programs
	 * @param made the referrals already made for this patient
	 */
	public record Choices(Suggestions.Source source, List<Group> fittingGroups, List<Group> otherGroups,
			List<Program> fittingPrograms, List<Program> otherPrograms, List<Referral> made) {

		/**
		 * Whether the patient has an open referral to a group.
		 * @param groupId the group
		 * @return true if so
		 */
		public boolean referredToGroup(long groupId) {
			return this.made.stream().anyMatch((r) -> r.open() && r.groupId() != null && r.groupId() == groupId);
		}

		/**
		 * Whether the patient has an open referral to a program.
		 * @param programId the program
		 * @return true if so
		 */
		public boolean referredToProgram(long programId) {
			return this.made.stream().anyMatch((r) -> r.open() && r.programId() != null && r.programId() == programId);
		}

	}

	/**
	 * The community's referrals for its managers.
	 *
	 * @param total how many were made in the last year, or {@code null} when fewer than
	 * the smallest count shown
	 * @param byState how many stand in each state, each {@code null} when too few
	 * @param attendedInWindow how many led to a first attendance within the window, or
	 * {@code null} when too few
	 * @param windowDays the window, in days
	 * @param smallestCount the smallest count shown
	 * @param latest the latest referrals, no patient named
	 */
	public record Loop(@Nullable Long total, Map<ReferralState, @Nullable Long> byState,
			@Nullable Long attendedInWindow, long windowDays, int smallestCount, List<Referral> latest) {
	}

}
