package org.kinship.insights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The disclosure rules every figure of insights passes, pure and deterministic.
 * <ul>
 * <li>Threshold: a cell of fewer than {@link #THRESHOLD} members shows "fewer than 11".
 * <li>Complementary suppression: in a partition (a distribution whose cells add up to a
 * shown total), a single hidden cell takes the next smallest with it, so that no
 * subtraction finds it; a share whose complement (the members not in it) is under the
 * threshold is hidden, since "nearly everyone" would tell about the rest.
 * <li>No single member across refreshes: a count is never shown exactly. It is moved by a
 * noise of -2 to +2 drawn from a key of the exact set of members behind it (each member's
 * key from the group's salt and their id, summed), and shown as a range of five. The same
 * members always give the same figure, so refreshing gives nothing to average; one member
 * more or less draws another noise, so the change between two refreshes says nothing of
 * whether, or who, joined or left.
 * </ul>
 */
public final class Disclosure {

	/** The smallest count shown. */
	public static final int THRESHOLD = 11;

	private static final int WIDTH = 5;

	private final long salt;

	/**
	 * @param salt the group's own secret salt, kept with its insights
	 */
	public Disclosure(long salt) {
		this.salt = salt;
	}

	/**
	 * A count on its own.
	 * @param cell the cell's name (a medicine, a band)
	 * @param members the members in it
	 * @return what may be shown
	 */
	public Shown count(String cell, Set<String> members) {
		if (members.size() < THRESHOLD) {
			return Shown.fewer();
		}
		return range(perturbed(cell, members), null);
	}

	/**
	 * A share of a total: hidden with the count under the threshold, and hidden when the
	 * members outside it are under the threshold.
	 * @param cell the cell's name
	 * @param members the members in it
	 * @param total everyone the share is of
	 * @return what may be shown
	 */
	public Shown share(String cell, Set<String> members, Set<String> total) {
		if (members.size() < THRESHOLD || total.size() < THRESHOLD) {
			return Shown.fewer();
		}
		if (total.size() - members.size() < THRESHOLD) {
			return Shown.hidden();
		}
		int count = perturbed(cell, members);
		int all = perturbed("total", total);
		int percent = (int) (Math.round(100.0 * count / Math.max(all, count) / WIDTH) * WIDTH);
		return range(count, percent);
	}

	/**
	 * The cells of a partition of a total, with complementary suppression.
	 * @param cells each cell's name and members, together the whole total
	 * @return what may be shown of each, in the same order
	 */
	public List<Shown> partition(List<Cell> cells) {
		List<Shown> shown = new ArrayList<>(cells.stream().map((cell) -> count(cell.name(), cell.members())).toList());
		long hidden = shown.stream().filter((value) -> !value.visible()).count();
		if (hidden == 1 && cells.size() > 1) {
			IntStream.range(0, cells.size())
				.filter((i) -> shown.get(i).visible())
				.boxed()
				.min(Comparator.comparingInt((Integer i) -> cells.get(i).members().size()))
				.ifPresent((i) -> shown.set(i, Shown.hidden()));
		}
		return shown;
	}

	private Shown range(int perturbed, Integer percent) {
		int low = THRESHOLD + Math.max(0, (perturbed - THRESHOLD) / WIDTH) * WIDTH;
		return new Shown(Shown.State.RANGE, low, low + WIDTH - 1, percent);
	}

	/** The count moved by the noise its members' key draws. */
	int perturbed(String cell, Set<String> members) {
		long key = members.stream().mapToLong(this::memberKey).sum() + hash(cell);
		int noise = (int) Math.floorMod(mix(key), 5L) - 2;
		return members.size() + noise;
	}

	private long memberKey(String member) {
		return mix(this.salt ^ hash(member)) & 0xFFFFFFFFL;
	}

	private static long hash(String text) {
		long hash = 1125899906842597L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash = 31 * hash + b;
		}
		return hash;
	}

	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * A cell of a partition.
	 *
	 * @param name its name
	 * @param members the members in it
	 */
	public record Cell(String name, Set<String> members) {
	}

}
