package org.innovadores.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the method draws a picture, where each item goes in it: the 2×2 matrix places each item by
 * its two ratings (1 to 5), the actor map puts each actor on its ring (micro inside, meso, macro
 * outside), spread evenly around it. The pages draw these as SVG with the items numbered and listed
 * beside, so the list is the picture's text.
 */
public final class Pictures {

    /** The drawing's size in SVG units; the page scales it. */
    public static final int SIZE = 320;
    static final int MARGIN = 40;

    public record Point(int number, double cx, double cy, String label, boolean marked) {
        public String x() {
            return String.format(Locale.ROOT, "%.1f", cx);
        }

        public String y() {
            return String.format(Locale.ROOT, "%.1f", cy);
        }
    }

    private Pictures() {
    }

    /** Items of a 2×2 matrix: x from left (1) to right (5), y from bottom (1) to top (5). */
    public static List<Point> matrix(List<Map<String, String>> rows, String labelColumn) {
        List<Point> points = new ArrayList<>();
        double span = SIZE - 2.0 * MARGIN;
        Map<String, Integer> sameSpot = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int x = clamp(FieldValues.number(row.get("x")));
            int y = clamp(FieldValues.number(row.get("y")));
            // Items with the same two ratings sit side by side, not on top of each other.
            int before = sameSpot.merge(x + "," + y, 1, Integer::sum) - 1;
            double shift = before == 0 ? 0 : (before % 2 == 1 ? 1 : -1) * 12.0 * ((before + 1) / 2);
            points.add(new Point(i + 1, MARGIN + (x - 1) / 4.0 * span + shift, SIZE - MARGIN - (y - 1) / 4.0 * span,
                    row.getOrDefault(labelColumn, ""), false));
        }
        return points;
    }

    /** Each ring's outer radius (micro, meso, macro) and the radius its actors sit on. */
    private static final double[] OUTER = {60, 110, 155};
    private static final double[] MIDDLE = {32, 85, 132};

    public static double ring(int level) {
        return OUTER[level];
    }

    /** Actors on their rings; those without a level are not drawn (the table still lists them). */
    public static List<Point> rings(List<Map<String, String>> rows, String labelColumn, String levelColumn, String researchColumn) {
        List<Point> points = new ArrayList<>();
        List<String> levels = List.of("micro", "meso", "macro");
        for (int level = 0; level < levels.size(); level++) {
            List<Integer> onRing = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) if (levels.get(level).equals(rows.get(i).get(levelColumn))) onRing.add(i);
            for (int k = 0; k < onRing.size(); k++) {
                int i = onRing.get(k);
                // Spread around the ring, starting at the top; each ring turned a little so labels do not line up.
                double angle = -Math.PI / 2 + level * 0.4 + 2 * Math.PI * k / onRing.size();
                double r = onRing.size() == 1 && level == 0 ? 0 : MIDDLE[level];
                Map<String, String> row = rows.get(i);
                points.add(new Point(i + 1, SIZE / 2.0 + r * Math.cos(angle), SIZE / 2.0 + r * Math.sin(angle),
                        row.getOrDefault(labelColumn, ""), FieldValues.yes(row.get(researchColumn))));
            }
        }
        points.sort(java.util.Comparator.comparingInt(Point::number));
        return points;
    }

    private static int clamp(int rating) {
        return Math.max(1, Math.min(5, rating));
    }
}
