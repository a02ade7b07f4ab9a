package org.kinship.launch;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With sessions in Redis, the session filter reads and writes them through the repository
 * that moves a session's last access once a minute, not through Redis's own, which writes
 * a session back after every request. A repository bean of a looser type once lost to
 * Redis's own without a word.
 */
@SpringBootTest(properties = { "kinship.session.store=redis",
		"kinship.session.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
class SharedSessionFilterIntegrationTests extends OnMariaDb {

	@Autowired
	SessionRepositoryFilter<?> filter;

	@Test
	void theFilterUsesTheRepositoryThatMovesLastAccessOnceAMinute() {
		assertThat(ReflectionTestUtils.getField(this.filter, "sessionRepository")).extracting(Object::getClass)
			.extracting(Class::getSimpleName)
			.isEqualTo("CoarseLastAccess");
	}

}
