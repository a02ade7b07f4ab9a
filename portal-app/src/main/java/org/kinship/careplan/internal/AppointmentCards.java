package org.kinship.careplan.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Upcoming appointments, soonest first, with whom they are: not those cancelled, missed,
 * done, entered in error or past. An appointment is the patient's when a participant is
 * the patient in context; one with another patient is dropped and noted.
 */
final class AppointmentCards {

	private static final Set<String> LEFT_OUT = Set.of("cancelled", "noshow", "entered-in-error", "fulfilled");

	private AppointmentCards() {
	}

	static List<AppointmentCard> map(List<Resource> resources, MappingContext context, Instant from) {
		return resources.stream()
			.filter(Appointment.class::isInstance)
			.map(Appointment.class::cast)
			.filter((appointment) -> context.owns(appointment, patients(appointment)))
			.filter((appointment) -> !appointment.hasStatus() || !LEFT_OUT.contains(appointment.getStatus().toCode()))
			.filter((appointment) -> appointment.hasStart() && !appointment.getStart().toInstant().isBefore(from))
			.map((appointment) -> card(appointment, context))
			.sorted(Comparator.comparing(AppointmentCard::start))
			.toList();
	}

	private static List<Reference> patients(Appointment appointment) {
		return appointment.getParticipant()
			.stream()
			.map(AppointmentParticipantComponent::getActor)
			.filter((actor) -> "Patient".equals(new IdType(actor.getReference()).getResourceType()))
			.toList();
	}

	private static AppointmentCard card(Appointment appointment, MappingContext context) {
		List<String> with = appointment.getParticipant()
			.stream()
			.map(AppointmentParticipantComponent::getActor)
			.filter((actor) -> !"Patient".equals(new IdType(actor.getReference()).getResourceType()))
			.map((actor) -> Names.of(actor, context))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		ZonedDateTime start = ((GregorianCalendar) appointment.getStartElement().getValueAsCalendar())
			.toZonedDateTime();
		return new AppointmentCard(appointment.getIdElement().getIdPart(), title(appointment), start, with);
	}

	private static @Nullable String title(Appointment appointment) {
		String description = PlainText.clean(appointment.getDescription());
		if (description != null) {
			return description;
		}
		if (appointment.hasServiceType()) {
			return PlainText.of(appointment.getServiceTypeFirstRep());
		}
		return PlainText.of(appointment.getAppointmentType());
	}

}
