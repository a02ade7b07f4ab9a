package org.kinship.chat.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/**
 * Finds delivered messages by their words, in the groups it is given and nowhere else. On
 * MySQL and MariaDB it asks the {@code FULLTEXT} index of migration 24 in boolean mode,
 * every word required, each as a prefix (so "sleep" finds "sleeping"); words the index
 * does not keep (shorter than 3 letters, or InnoDB's stop words) are matched with
 * {@code LIKE} beside it. On H2, the embedded database of {@code deploy/run}, every word
 * is matched with {@code LIKE}. Only messages members see are found: held, rejected,
 * hidden and deleted ones never are.
 */
@Repository
public class MessageSearch {

	/** The shortest word InnoDB's full-text index keeps by default. */
	private static final int INDEXED = 3;

	/**
	 * InnoDB's default stop words (the same in MySQL and MariaDB): the index does not
	 * keep them, and a required one makes a boolean search find nothing, so they are
	 * matched with {@code LIKE}.
	 */
	private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("a", "about", "an", "are", "as", "at",
			"be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that",
			"the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und", "www");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;

	private final boolean fullText;

	MessageSearch(JdbcClient jdbc, DataSource dataSource) throws Exception {
		this.jdbc = jdbc;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
		this.fullText = !"H2".equals(product);
	}

	/**
	 * The words of a query, folded to lower case, at most ten.
	 * @param query as typed
	 * @return the words
	 */
	public static List<String> words(String query) {
		List<String> words = new ArrayList<>();
		var matcher = WORD.matcher(query.toLowerCase(Locale.ROOT));
		while (matcher.find() && words.size() < 10) {
			words.add(matcher.group());
		}
		return words;
	}

	/**
	 * The newest delivered messages of some groups holding every word.
	 * @param groupIds the groups to look in; none finds nothing
	 * @param words the words, from {@link #words}
	 * @param limit at most this many
	 * @return the messages found, newest first
	 */
	public List<Hit> search(Collection<Long> groupIds, List<String> words, int limit) {
		if (groupIds.isEmpty() || words.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT id, group_id, seq, author_name, body, created_at "
				+ "FROM chat_message WHERE status = 'VISIBLE' AND group_id IN (:groups)");
		List<String> againstWords = new ArrayList<>();
		List<String> likeWords = new ArrayList<>();
		for (String word : words) {
			boolean indexed = this.fullText && word.length() >= INDEXED && !STOP_WORDS.contains(word);
			(indexed ? againstWords : likeWords).add(word);
		}
		if (!againstWords.isEmpty()) {
			sql.append(" AND MATCH (body) AGAINST (:against IN BOOLEAN MODE)");
		}
		for (int i = 0; i < likeWords.size(); i++) {
			sql.append(" AND LOWER(body) LIKE :like").append(i);
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit);
		var statement = this.jdbc.sql(sql.toString()).param("groups", groupIds);
		if (!againstWords.isEmpty()) {
			statement = statement.param("against",
					String.join(" ", againstWords.stream().map((word) -> "+" + word + "*").toList()));
		}
		for (int i = 0; i < likeWords.size(); i++) {
			statement = statement.param("like" + i, "%" + likeWords.get(i) + "%");
		}
		return statement
			.query((rs, row) -> new Hit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					Excerpts.around(rs.getString(5), words), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * A message found.
	 *
	 * @param id the message
	 * @param groupId its group
	 * @param seq its sequence number in the group
	 * @param author its author's name in the group
	 * @param excerpt its text around the first word found, plain
	 * @param createdAt when it was posted
	 */
	public record Hit(long id, long groupId, long seq, String author, String excerpt, Instant createdAt) {
	}

}
