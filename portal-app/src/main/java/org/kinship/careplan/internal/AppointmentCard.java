package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An upcoming appointment.
 *
 * @param id the Appointment's id
 * @param title what it is for in the record's words, or {@code null}
 * @param start when it starts, in the EHR's own time zone
 * @param with the people it is with, by name
 */
public record AppointmentCard(String id, @Nullable String title, ZonedDateTime start,
		List<String> with) implements Serializable {

	public AppointmentCard {
		with = List.copyOf(with);
	}

}
