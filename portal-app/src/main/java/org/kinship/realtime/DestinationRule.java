package org.kinship.realtime;

import org.kinship.launch.KinshipPrincipal;

/**
 * Which of a feature's STOMP destinations a launched person may use. Each feature
 * registers a bean for its own destinations; a SUBSCRIBE or SEND is let through when a
 * rule allows it, and refused on the socket's own {@code /user/queue/replies} when none
 * does (the socket stays open). Rules are asked on the thread that handles the client's
 * frames, for every frame: they answer quickly.
 */
public interface DestinationRule {

	/**
	 * Whether the person may subscribe to a destination.
	 * @param principal who asks
	 * @param destination the destination, as the frame names it
	 * @return true to let the subscription through; false when the destination is not
	 * this feature's or the person may not follow it
	 */
	default boolean maySubscribe(KinshipPrincipal principal, String destination) {
		return false;
	}

	/**
	 * Whether the person may send to a destination. The destination's handler checks
	 * again what the sending needs.
	 * @param principal who asks
	 * @param destination the destination, as the frame names it
	 * @return true to let the frame through
	 */
	default boolean maySend(KinshipPrincipal principal, String destination) {
		return false;
	}

}
