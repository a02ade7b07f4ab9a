package org.kinship.moderation.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned crisis and care-distress path: multinomial logistic regressions over the
 * hashed {@link RiskFeatures} of a message, with three classes (crisis, care distress,
 * neither), whose probabilities are averaged: one member that reads the words and one
 * that also reads each word class in its context (the shipped model has both). The two
 * thresholds of each risky class (a "please look" and an urgent one) are chosen on the
 * calibration corpus and on out-of-fold scores of the training corpus. A long message is
 * scored in overlapping windows of {@value #WINDOW} words and its score is that of its
 * riskiest window, so that one clause in a long post is not drowned by the rest.
 *
 * <p>
 * The shipped model is {@code screening/risk-model.bin}, written by the trainer of the
 * module's tests (see {@code moderation/README.md}); nothing is fetched at run time.
 * Immutable and safe to share between threads.
 */
final class RiskModel {

	static final int CRISIS = 0;

	static final int DISTRESS = 1;

	static final int OTHER = 2;

	static final int CLASSES = 3;

	static final int WINDOW = 24;

	private static final int STRIDE = 12;

	/**
	 * Added to the number of features before they are scaled down by its square root, so
	 * that a message of a few words cannot score as high as a sentence's worth of
	 * evidence (measured: 150 nudged the cross-validated figures up and took the edge off
	 * "I'm going to sleep early tonight").
	 */
	static final int DAMPING = 150;

	private static final int MAGIC = 0x4b524d32;

	private final Member[] members;

	private final Thresholds thresholds;

	private RiskModel(Member[] members, Thresholds thresholds) {
		this.members = members;
		this.thresholds = thresholds;
	}

	/**
	 * A model whose probabilities are the average of its members'.
	 * @param members each with its weights, bias and context span
	 * @param thresholds the tiers
	 * @return the model
	 */
	static RiskModel averaging(List<Member> members, Thresholds thresholds) {
		return new RiskModel(members.toArray(Member[]::new), thresholds);
	}

	/**
	 * The model shipped in the jar.
	 * @return the model
	 */
	static RiskModel shipped() {
		return Shipped.MODEL;
	}

	Thresholds thresholds() {
		return this.thresholds;
	}

	/**
	 * The same weights with other tiers.
	 * @param thresholds the tiers
	 * @return the model
	 */
	RiskModel withThresholds(Thresholds thresholds) {
		return new RiskModel(this.members, thresholds);
	}

	/**
	 * The crisis and care-distress probabilities of a message, those of its riskiest
	 * window.
	 * @param original the message as typed
	 * @param folded the folded words of the message
	 * @param medicines the member's medicines, folded single words
	 * @return the scores
	 */
	Scores score(String original, String folded, Set<String> medicines) {
		String stripped = folded.strip();
		if (stripped.isEmpty()) {
			return new Scores(0, 0);
		}
		String[] words = stripped.split(" ");
		String[] stems = RiskFeatures.stems(words, RiskFeatures.language(words), medicines);
		int[][] classes = RiskConcepts.of(words, stems);
		int[] symbols = RiskFeatures.symbols(original);
		double crisis = 0;
		double distress = 0;
		for (int from : windows(words.length)) {
			int to = Math.min(words.length, from + WINDOW);
			double windowCrisis = 0;
			double windowDistress = 0;
			int[] plain = RiskFeatures.of(words, stems, classes, from, to, symbols);
			for (Member member : this.members) {
				double[] p = member.probabilities((member.context() == 0) ? plain
						: RiskFeatures.withContext(plain, stems, classes, from, to, member.context()));
				windowCrisis += p[CRISIS] / this.members.length;
				windowDistress += p[DISTRESS] / this.members.length;
			}
			crisis = Math.max(crisis, windowCrisis);
			distress = Math.max(distress, windowDistress);
		}
		return new Scores(crisis, distress);
	}

	/**
	 * Where the windows of a message start: every {@value #STRIDE} words, the last one
	 * ending with the message; one window from the start when it has at most
	 * {@value #WINDOW} words.
	 * @param words the number of words of the message
	 * @return the first word of each window
	 */
	static int[] windows(int words) {
		int last = Math.max(0, words - WINDOW);
		int[] starts = new int[(last + STRIDE - 1) / STRIDE + 1];
		for (int k = 0; k < starts.length; k++) {
			starts[k] = Math.min(k * STRIDE, last);
		}
		return starts;
	}

	/**
	 * Writes the model, each member's non-zero weights only, compressed.
	 * @param out where to
	 * @throws IOException when writing fails
	 */
	void write(OutputStream out) throws IOException {
		try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
			data.writeInt(MAGIC);
			data.writeInt(RiskFeatures.BITS);
			data.writeFloat(this.thresholds.lookCrisis());
			data.writeFloat(this.thresholds.urgentCrisis());
			data.writeFloat(this.thresholds.lookDistress());
			data.writeFloat(this.thresholds.urgentDistress());
			data.writeInt(this.members.length);
			for (Member member : this.members) {
				member.write(data);
			}
		}
	}

	/**
	 * Reads a model written by {@link #write(OutputStream)}.
	 * @param in where from
	 * @return the model
	 * @throws IOException when reading fails or it is not such a model
	 */
	static RiskModel read(InputStream in) throws IOException {
		try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
			if (data.readInt() != MAGIC || data.readInt() != RiskFeatures.BITS) {
				throw new IOException("not a risk model of this feature space");
			}
			Thresholds thresholds = new Thresholds(data.readFloat(), data.readFloat(), data.readFloat(),
					data.readFloat());
			Member[] members = new Member[data.readInt()];
			if (members.length < 1 || members.length > 8) {
				throw new IOException("not a risk model: " + members.length + " members");
			}
			for (int m = 0; m < members.length; m++) {
				members[m] = Member.read(data);
			}
			return new RiskModel(members, thresholds);
		}
	}

	/**
	 * One logistic regression of a model.
	 *
	 * @param weights {@link RiskFeatures#SIZE} times {@link #CLASSES} weights, a
	 * feature's classes next to each other
	 * @param bias one for each class
	 * @param context how many words on either side of a word class its context pairs
	 * reach ({@link RiskFeatures#withContext}); 0 for none
	 */
	record Member(float[] weights, float[] bias, int context) {

		Member {
			if (weights.length != RiskFeatures.SIZE * CLASSES || bias.length != CLASSES) {
				throw new IllegalArgumentException("weights do not fit the feature space");
			}
		}

		/**
		 * The probabilities of the classes for a run of features, each feature weighing
		 * one over the square root of their number plus {@link #DAMPING}.
		 * @param features hashed feature indexes
		 * @return the probability of each class
		 */
		double[] probabilities(int[] features) {
			double[] z = new double[CLASSES];
			double value = 1 / Math.sqrt(features.length + DAMPING);
			for (int feature : features) {
				int base = feature * CLASSES;
				for (int k = 0; k < CLASSES; k++) {
					z[k] += this.weights[base + k];
				}
			}
			double max = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < CLASSES; k++) {
				z[k] = z[k] * value + this.bias[k];
				max = Math.max(max, z[k]);
			}
			double sum = 0;
			for (int k = 0; k < CLASSES; k++) {
				z[k] = Math.exp(z[k] - max);
				sum += z[k];
			}
			for (int k = 0; k < CLASSES; k++) {
				z[k] /= sum;
			}
			return z;
		}

		private void write(DataOutputStream data) throws IOException {
			data.writeInt(this.context);
			for (float b : this.bias) {
				data.writeFloat(b);
			}
			int previous = 0;
			for (int feature = 0; feature < RiskFeatures.SIZE; feature++) {
				int base = feature * CLASSES;
				if (this.weights[base] != 0 || this.weights[base + 1] != 0 || this.weights[base + 2] != 0) {
					data.writeInt(feature - previous);
					previous = feature;
					for (int k = 0; k < CLASSES; k++) {
						data.writeFloat(this.weights[base + k]);
					}
				}
			}
			data.writeInt(-1);
		}

		private static Member read(DataInputStream data) throws IOException {
			int context = data.readInt();
			float[] bias = new float[CLASSES];
			for (int k = 0; k < CLASSES; k++) {
				bias[k] = data.readFloat();
			}
			float[] weights = new float[RiskFeatures.SIZE * CLASSES];
			int feature = 0;
			for (int step = data.readInt(); step >= 0; step = data.readInt()) {
				feature += step;
				for (int k = 0; k < CLASSES; k++) {
					weights[feature * CLASSES + k] = data.readFloat();
				}
			}
			return new Member(weights, bias, context);
		}

	}

	/**
	 * The tiers: a score at or above the urgent threshold escalates at once, one at or
	 * above the "please look" threshold asks a facilitator to look.
	 *
	 * @param lookCrisis "please look" for crisis
	 * @param urgentCrisis urgent for crisis
	 * @param lookDistress "please look" for care distress
	 * @param urgentDistress urgent for care distress
	 */
	record Thresholds(float lookCrisis, float urgentCrisis, float lookDistress, float urgentDistress) {
	}

	/**
	 * What the model makes of a message.
	 *
	 * @param crisis the probability of crisis language, 0 to 1
	 * @param distress the probability of trouble managing care, 0 to 1
	 */
	record Scores(double crisis, double distress) {
	}

	/** Read once, on first use. */
	private static final class Shipped {

		static final RiskModel MODEL = load();

		private static RiskModel load() {
			InputStream in = RiskModel.class.getResourceAsStream("/screening/risk-model.bin");
			if (in == null) {
				throw new IllegalStateException("screening/risk-model.bin is missing");
			}
			try (in) {
				return read(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
