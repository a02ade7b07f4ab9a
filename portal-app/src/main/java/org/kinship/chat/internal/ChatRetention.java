package org.kinship.chat.internal;

import java.time.Period;
import java.util.OptionalLong;

import org.kinship.audit.Retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The chat's retention jobs, on {@code kinship.retention.cron}: messages posted longer
 * ago than {@code kinship.retention.messages} are deleted (in every group), and the text
 * of messages deleted longer ago than {@code kinship.retention.deleted-message-text} is
 * purged, the row staying as the tombstone members already see. Both are off by default.
 * Each run is recorded in the audit log with its count.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ChatRetention implements SchedulingConfigurer {

	/** The name of the job that deletes old messages. */
	public static final String MESSAGES = "chat.messages";

	/** The name of the job that purges deleted messages' text. */
	public static final String DELETED_TEXT = "chat.deleted-message-text";

	private final Retention retention;

	private final MessageStore store;

	ChatRetention(Retention retention, MessageStore store) {
		this.retention = retention;
		this.store = store;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		if (this.retention.settings().scheduled()) {
			tasks.addCronTask(this::run, this.retention.settings().cron());
		}
	}

	void run() {
		purgeDeletedText();
		deleteOldMessages();
	}

	/**
	 * Deletes the messages that are due now.
	 * @return how many, or empty when it is off or running on another node
	 */
	public OptionalLong deleteOldMessages() {
		Period period = this.retention.settings().messages();
		if (period == null) {
			return OptionalLong.empty();
		}
		var cutoff = this.retention.cutoff(period);
		return this.retention.run(MESSAGES, "chat_message", "DELETED",
				(limit) -> this.store.deletePostedBefore(cutoff, limit));
	}

	/**
	 * Purges the text of the deleted messages that are due now.
	 * @return how many, or empty when it is off or running on another node
	 */
	public OptionalLong purgeDeletedText() {
		Period period = this.retention.settings().deletedMessageText();
		if (period == null) {
			return OptionalLong.empty();
		}
		var cutoff = this.retention.cutoff(period);
		return this.retention.run(DELETED_TEXT, "chat_message.body", "PURGED",
				(limit) -> this.store.purgeTextDeletedBefore(cutoff, limit));
	}

}
