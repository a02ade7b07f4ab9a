package org.kinship.moderation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.moderation.internal.TermList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watched words of a community (scope {@link ModerationSettings#COMMUNITY}) and of each
 * group, with Discourse's actions. Screening matches every message against the compiled
 * lists, kept in memory: a change is seen at once on the node that made it and within
 * {@link #REFRESH} on the others.
 */
@Component
public class WatchedWords {

	/** How long another node may go on with a list before reading it again. */
	static final Duration REFRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final ModerationProperties properties;

	private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

	WatchedWords(JdbcClient jdbc, ModerationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The terms of one scope, alphabetically.
	 * @param issuer the health system
	 * @param scopeId a group, or the community
	 * @return the terms
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Watched> list(String issuer, long scopeId) {
		return this.jdbc
			.sql("SELECT id, term, action FROM watched_word WHERE issuer = ? AND scope_id = ? ORDER BY term_key")
			.params(issuer, scopeId)
			.query((rs, row) -> new Watched(rs.getLong(1),
					new WatchedTerm(rs.getString(2), WatchAction.valueOf(rs.getString(3)))))
			.list();
	}

	/**
	 * Adds terms, one per line; a term already in the list takes the new action.
	 * @param issuer the health system
	 * @param scopeId a group, or the community
	 * @param lines the terms, one per line; blank lines are skipped
	 * @param action what a match does
	 * @param actor who adds them
	 * @return how many terms the list holds now
	 * @throws InvalidTerms for an empty list, a term too long or with nothing to match,
	 * or a list over the limit; nothing is stored then
	 */
	@Transactional
	public int add(String issuer, long scopeId, String lines, WatchAction action, String actor) {
		List<WatchedTerm> added = lines.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.distinct()
			.map((line) -> new WatchedTerm(line, action))
			.toList();
		if (added.isEmpty()) {
			throw new InvalidTerms(InvalidTerms.EMPTY, List.of("1"));
		}
		List<WatchedTerm> all = new ArrayList<>(list(issuer, scopeId).stream().map(Watched::term).toList());
		all.addAll(added);
		int limit = Math.min(this.properties.maxTerms(), TermList.MAX_TERMS);
		if (all.size() > limit) {
			throw new InvalidTerms(InvalidTerms.TOO_MANY, List.of(String.valueOf(all.size()), String.valueOf(limit)));
		}
		TermList.compile(added);
		Timestamp now = Timestamp.from(Instant.now());
		for (WatchedTerm term : added) {
			String key = term.term().toLowerCase(Locale.ROOT);
			this.jdbc.sql("DELETE FROM watched_word WHERE issuer = ? AND scope_id = ? AND term_key = ?")
				.params(issuer, scopeId, key)
				.update();
			this.jdbc
				.sql("INSERT INTO watched_word (issuer, scope_id, term, term_key, action, created_by, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(issuer, scopeId, term.term(), key, action.name(), actor, now)
				.update();
		}
		this.compiled.remove(issuer + " " + scopeId);
		return list(issuer, scopeId).size();
	}

	/**
	 * Removes a term.
	 * @param issuer the health system
	 * @param scopeId a group, or the community
	 * @param id the term
	 * @return whether it was there
	 */
	@Transactional
	public boolean remove(String issuer, long scopeId, long id) {
		int removed = this.jdbc.sql("DELETE FROM watched_word WHERE issuer = ? AND scope_id = ? AND id = ?")
			.params(issuer, scopeId, id)
			.update();
		this.compiled.remove(issuer + " " + scopeId);
		return removed == 1;
	}

	/**
	 * The compiled list of a scope, for screening: from memory, read again when older
	 * than {@link #REFRESH}.
	 * @param issuer the health system
	 * @param scopeId a group, or the community
	 * @return the list
	 */
	public TermList compiled(String issuer, long scopeId) {
		Instant now = Instant.now();
		return this.compiled.compute(issuer + " " + scopeId, (key, cached) -> {
			if (cached != null && cached.readAt().plus(REFRESH).isAfter(now)) {
				return cached;
			}
			return new Compiled(TermList.compile(list(issuer, scopeId).stream().map(Watched::term).toList()), now);
		}).terms();
	}

	private record Compiled(TermList terms, Instant readAt) {
	}

	/**
	 * A stored term.
	 *
	 * @param id its number
	 * @param term the term and its action
	 */
	public record Watched(long id, WatchedTerm term) {
	}

}
