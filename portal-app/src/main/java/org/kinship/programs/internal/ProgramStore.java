package org.kinship.programs.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kinship.programs.Program;
import org.kinship.programs.ProgramFormat;
import org.kinship.programs.ProgramKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored programs, with their days of the week and linked groups.
 */
@Repository
public class ProgramStore {

	private static final String SELECT = "SELECT id, issuer, kind, name, description, audience, language, cost, "
			+ "format, address, postal_code, accessibility, video_url, start_time, minutes, capacity, contact, "
			+ "starts_on, ends_on, owner, reminded_at FROM program ";

	private final JdbcClient jdbc;

	ProgramStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new program with its days and groups.
	 * @param program the program (its id is ignored)
	 * @param point the centroid of its postal code, or {@code null}
	 * @param now when it was made
	 * @return its id
	 */
	public long insert(Program program, PostalCodes.@org.jspecify.annotations.Nullable Point point, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO program (issuer, kind, name, description, audience, language, cost, format, "
				+ "address, postal_code, latitude, longitude, accessibility, video_url, start_time, minutes, capacity, "
				+ "contact, starts_on, ends_on, owner, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(program.issuer(), program.kind().name(), program.name(), program.description(), program.audience(),
					program.language(), program.cost(), program.format().name(), program.address(),
					program.postalCode(), (point != null) ? point.latitude() : null,
					(point != null) ? point.longitude() : null, program.accessibility(), program.videoUrl(),
					Time.valueOf(program.startTime()), program.minutes(), program.capacity(), program.contact(),
					Date.valueOf(program.startsOn()), Date.valueOf(program.endsOn()), program.owner(),
					Timestamp.from(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		links(id, program.days(), program.groupIds());
		return id;
	}

	/**
	 * Replaces a program's details, days and groups. A new end date clears the reminder,
	 * so that the owner is reminded again before the new end.
	 * @param program the program
	 * @param point the centroid of its postal code, or {@code null}
	 */
	public void update(Program program, PostalCodes.@org.jspecify.annotations.Nullable Point point) {
		this.jdbc
			.sql("UPDATE program SET kind = ?, name = ?, description = ?, audience = ?, language = ?, cost = ?, "
					+ "format = ?, address = ?, postal_code = ?, latitude = ?, longitude = ?, accessibility = ?, "
					+ "video_url = ?, start_time = ?, minutes = ?, capacity = ?, contact = ?, starts_on = ?, "
					+ "reminded_at = CASE WHEN ends_on = ? THEN reminded_at ELSE NULL END, ends_on = ? WHERE id = ?")
			.params(program.kind().name(), program.name(), program.description(), program.audience(),
					program.language(), program.cost(), program.format().name(), program.address(),
					program.postalCode(), (point != null) ? point.latitude() : null,
					(point != null) ? point.longitude() : null, program.accessibility(), program.videoUrl(),
					Time.valueOf(program.startTime()), program.minutes(), program.capacity(), program.contact(),
					Date.valueOf(program.startsOn()), Date.valueOf(program.endsOn()), Date.valueOf(program.endsOn()),
					program.id())
			.update();
		this.jdbc.sql("DELETE FROM program_day WHERE program_id = ?").param(program.id()).update();
		this.jdbc.sql("DELETE FROM program_group WHERE program_id = ?").param(program.id()).update();
		links(program.id(), program.days(), program.groupIds());
	}

	/**
	 * One program of a health system.
	 * @param issuer the health system
	 * @param id the program
	 * @return the program, or empty
	 */
	public Optional<Program> find(String issuer, long id) {
		return complete(this.jdbc.sql(SELECT + "WHERE issuer = ? AND id = ?")
			.params(issuer, id)
			.query(ProgramStore::program)
			.list()).stream().findFirst();
	}

	/**
	 * The programs still in the directory on a day, by name.
	 * @param issuer the health system
	 * @param today the day
	 * @return the programs
	 */
	public List<Program> current(String issuer, LocalDate today) {
		return complete(this.jdbc.sql(SELECT + "WHERE issuer = ? AND ends_on >= ? ORDER BY name, id")
			.params(issuer, Date.valueOf(today))
			.query(ProgramStore::program)
			.list());
	}

	/**
	 * The programs still current that are linked to a group.
	 * @param groupId the group
	 * @param today the day
	 * @return the programs, by name
	 */
	public List<Program> linkedTo(long groupId, LocalDate today) {
		// a group's page asks: sorted here, as in the statement the rows went through a
		// temporary table in MariaDB
		List<Program> linked = new ArrayList<>(this.jdbc
			.sql(SELECT + "WHERE ends_on >= ? AND id IN (SELECT program_id FROM program_group WHERE group_id = ?)")
			.params(Date.valueOf(today), groupId)
			.query(ProgramStore::program)
			.list());
		linked.sort(Comparator.comparing(Program::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Program::id));
		return complete(linked);
	}

	/**
	 * Every program of a health system, ended ones too, latest end first.
	 * @param issuer the health system
	 * @return the programs
	 */
	public List<Program> all(String issuer) {
		return complete(this.jdbc.sql(SELECT + "WHERE issuer = ? ORDER BY ends_on DESC, name")
			.param(issuer)
			.query(ProgramStore::program)
			.list());
	}

	/**
	 * The programs that end on or before a day and are still current, whose owner has not
	 * been reminded yet.
	 * @param endingBy the last end date that is due a reminder
	 * @param today the day
	 * @return the programs
	 */
	public List<Program> dueReminder(LocalDate endingBy, LocalDate today) {
		return complete(
				this.jdbc.sql(SELECT + "WHERE reminded_at IS NULL AND ends_on <= ? AND ends_on >= ? ORDER BY id")
					.params(Date.valueOf(endingBy), Date.valueOf(today))
					.query(ProgramStore::program)
					.list());
	}

	/**
	 * Marks a program's owner as reminded, once: a reminder another node already made is
	 * not made again.
	 * @param id the program
	 * @param at when
	 * @return true if this call marked it
	 */
	public boolean markReminded(long id, Instant at) {
		return this.jdbc.sql("UPDATE program SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	private void links(long id, Collection<DayOfWeek> days, Collection<Long> groupIds) {
		for (DayOfWeek day : days) {
			this.jdbc.sql("INSERT INTO program_day (program_id, weekday) VALUES (?, ?)")
				.params(id, day.getValue())
				.update();
		}
		for (Long groupId : groupIds) {
			this.jdbc.sql("INSERT INTO program_group (program_id, group_id) VALUES (?, ?)")
				.params(id, groupId)
				.update();
		}
	}

	/** Adds the days and groups of the programs read, in two queries. */
	private List<Program> complete(List<Program> programs) {
		if (programs.isEmpty()) {
			return programs;
		}
		List<Long> ids = programs.stream().map(Program::id).toList();
		Map<Long, TreeSet<DayOfWeek>> days = new HashMap<>();
		this.jdbc.sql("SELECT program_id, weekday FROM program_day WHERE program_id IN (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				days.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>()).add(DayOfWeek.of(rs.getInt(2)));
			});
		Map<Long, Set<Long>> groups = new HashMap<>();
		this.jdbc.sql("SELECT program_id, group_id FROM program_group WHERE program_id IN (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				groups.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>()).add(rs.getLong(2));
			});
		List<Program> complete = new ArrayList<>();
		for (Program p : programs) {
			complete.add(new Program(p.id(), p.issuer(), p.kind(), p.name(), p.description(), p.audience(),
					p.language(), p.cost(), p.format(), p.address(), p.postalCode(), p.accessibility(), p.videoUrl(),
					days.getOrDefault(p.id(), new TreeSet<>()), p.startTime(), p.minutes(), p.capacity(), p.contact(),
					p.startsOn(), p.endsOn(), p.owner(), p.remindedAt(),
					Set.copyOf(groups.getOrDefault(p.id(), Set.of()))));
		}
		return complete;
	}

	private static Program program(ResultSet rs, int row) throws SQLException {
		Timestamp reminded = rs.getTimestamp(21);
		return new Program(rs.getLong(1), rs.getString(2), ProgramKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
				ProgramFormat.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12),
				rs.getString(13), new TreeSet<>(), rs.getTime(14).toLocalTime(), rs.getInt(15), rs.getInt(16),
				rs.getString(17), rs.getDate(18).toLocalDate(), rs.getDate(19).toLocalDate(), rs.getString(20),
				(reminded != null) ? reminded.toInstant() : null, Set.of());
	}

}
