package org.kinship.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lease that lets one node at a time compose and send. */
@Repository
class DispatchLease {

	private final String holder = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final NotificationsProperties properties;

	DispatchLease(JdbcClient jdbc, NotificationsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	boolean claim(Instant now) {
		return this.jdbc
			.sql("UPDATE notify_lease SET holder = ?, held_until = ? WHERE job = 'dispatch' "
					+ "AND (held_until < ? OR holder = ?)")
			.params(this.holder, Timestamp.from(now.plus(this.properties.lease())), Timestamp.from(now), this.holder)
			.update() == 1;
	}

	void release() {
		this.jdbc
			.sql("UPDATE notify_lease SET held_until = TIMESTAMP '2000-01-01 00:00:00' WHERE job = 'dispatch' "
					+ "AND holder = ?")
			.param(this.holder)
			.update();
	}

}
