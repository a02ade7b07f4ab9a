package org.kinship.broadcast.web;

import java.util.Set;
import java.util.regex.Pattern;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.realtime.DestinationRule;

import org.springframework.stereotype.Component;

/**
 * The broadcasts' STOMP destinations: the member's own queues of broadcasts and of
 * answers to their acknowledgements, and sending an acknowledgement, whose handler checks
 * that the member is a recipient.
 */
@Component
class BroadcastDestinations implements DestinationRule {

	private static final Pattern ACKNOWLEDGE = Pattern.compile("/app/broadcasts/[0-9]{1,18}/acknowledge");

	private static final Set<String> OWN_QUEUES = Set.of("/user/queue/broadcasts",
			"/user" + AcknowledgeOverSocket.QUEUE);

	@Override
	public boolean maySubscribe(KinshipPrincipal principal, String destination) {
		return OWN_QUEUES.contains(destination);
	}

	@Override
	public boolean maySend(KinshipPrincipal principal, String destination) {
		return ACKNOWLEDGE.matcher(destination).matches();
	}

}
