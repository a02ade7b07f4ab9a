package org.kinship.programs.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Postal-code centroids shipped with Kinship, read once at start, and the great-circle
 * distance between two of them. No outside geocoding service is ever asked: a code not in
 * the table has no place, and the search says so.
 */
@Component
public class PostalCodes {

	private static final double EARTH_RADIUS_MILES = 3958.8;

	private final Map<String, Point> centroids;

	PostalCodes(ProgramsProperties properties) {
		this.centroids = read(properties);
	}

	/**
	 * Where a postal code is.
	 * @param postalCode a five-digit US ZIP code (a ZIP+4 is cut to five digits)
	 * @return its centroid, or empty when the table does not hold it
	 */
	public Optional<Point> locate(String postalCode) {
		String code = postalCode.strip().toUpperCase(Locale.ROOT);
		if (code.length() > 5 && code.charAt(5) == '-') {
			code = code.substring(0, 5);
		}
		return Optional.ofNullable(this.centroids.get(code));
	}

	/**
	 * The great-circle distance between two points.
	 * @param from one point
	 * @param to the other
	 * @return the distance in miles
	 */
	public static double miles(Point from, Point to) {
		double lat1 = Math.toRadians(from.latitude());
		double lat2 = Math.toRadians(to.latitude());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(to.longitude() - from.longitude());
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private static Map<String, Point> read(ProgramsProperties properties) {
		Map<String, Point> read = new HashMap<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(properties.postalCodes().getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("zip")) {
					continue;
				}
				String[] parts = line.split(",");
				read.put(parts[0].strip(),
						new Point(Double.parseDouble(parts[1].strip()), Double.parseDouble(parts[2].strip())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The postal-code centroids could not be read", ex);
		}
		return Map.copyOf(read);
	}

	/**
	 * A place on the globe.
	 *
	 * @param latitude degrees north
	 * @param longitude degrees east
	 */
	public record Point(double latitude, double longitude) {
	}

}
