/**
 * A bare Spring STOMP broker: the chat benchmark's yardstick, with the same destinations
 * as Kinship's chat and nothing else: no persistence, no security, no screening.
 */
@org.jspecify.annotations.NullMarked
package org.kinship.load.bare;
