package org.kinship.load;

import java.util.Locale;

/**
 * What one step of the capacity benchmark measured in its window.
 *
 * @param members active members during the step
 * @param pageP99Millis p99 of every page request (group page, latest and older messages,
 * controls, care-plan panel)
 * @param messageP99Millis p99 from a message's send to its delivery on each member's
 * socket
 * @param errors requests not answered as asked, answers refused or failed, deliveries
 * lost, sockets closed, launches that failed
 * @param actionsPerSecond actions done per second in the window
 * @param messagesPerSecond messages stored per second in the window
 */
record StepFigures(int members, double pageP99Millis, double messageP99Millis, long errors, double actionsPerSecond,
		double messagesPerSecond) {

	String describe() {
		return String.format(Locale.ROOT,
				"%d members: page p99 %.1f ms, message p99 %.1f ms, %d errors; %.0f actions/s, %.1f messages/s",
				this.members, this.pageP99Millis, this.messageP99Millis, this.errors, this.actionsPerSecond,
				this.messagesPerSecond);
	}

}
