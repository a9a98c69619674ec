package org.innovadores.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the method draws a picture, where each item goes in it: the 2×2 matrix places each item by
 * its two ratings (1 to 5), the actor map puts each actor on its ring (micro inside, meso, macro
 * outside), spread evenly around it; the problem tree stacks effects, problem, causes and sub-causes;
 * the journey draws its stages' emotion as a curve. The pages draw these as SVG with the items numbered and listed
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

    /** A box of a drawing with its text broken into lines that fit it. */
    public record Box(int number, double x, double y, double width, double height, List<String> lines, String text) {
        public String cx() {
            return String.format(Locale.ROOT, "%.1f", x + width / 2);
        }

        public String left() {
            return String.format(Locale.ROOT, "%.1f", x);
        }

        public String top() {
            return String.format(Locale.ROOT, "%.1f", y);
        }

        public String bottom() {
            return String.format(Locale.ROOT, "%.1f", y + height);
        }

        public String w() {
            return String.format(Locale.ROOT, "%.1f", width);
        }

        public String h() {
            return String.format(Locale.ROOT, "%.1f", height);
        }

        /** The baseline of line {@code i}, the lines centred in the box. */
        public String line(int i) {
            return String.format(Locale.ROOT, "%.1f", y + height / 2 - (lines.size() - 1) * 7.5 + i * 15 + 4);
        }
    }

    /** A line from one box to another, as the tree draws it: from the top of the lower one to the bottom of the upper one. */
    public record Edge(Box from, Box to) {
    }

    /**
     * The problem tree: effects in a row on top, the central problem in the middle, the causes under
     * it, and each sub-cause under the cause it names ("subcausa de": the cause's number or its text)
     * in a fourth row. At most {@link #TREE_ROW} boxes a row; the list beside names all.
     */
    public record Tree(double width, double height, List<Box> effects, Box problem, List<Box> causes, List<Box> subCauses,
                       List<Edge> edges) {
    }

    public static final int TREE_ROW = 6;
    private static final double TREE_WIDTH = 640;
    private static final double BOX_HEIGHT = 58;
    private static final double ROW_GAP = 42;

    public static Tree tree(String problem, List<String> effects, List<Map<String, String>> causes, String causeColumn, String parentColumn) {
        List<Integer> main = new ArrayList<>();
        Map<Integer, Integer> parentOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < causes.size(); i++) {
            Integer parent = parent(causes, i, causeColumn, parentColumn);
            if (parent == null) main.add(i);
            else parentOf.put(i, parent);
        }
        double y = 10;
        List<Box> effectBoxes = row(effects, y, 0);
        if (!effectBoxes.isEmpty()) y += BOX_HEIGHT + ROW_GAP;
        Box central = new Box(0, TREE_WIDTH / 2 - 150, y, 300, BOX_HEIGHT, wrap(problem, 300), problem);
        y += BOX_HEIGHT + ROW_GAP;
        List<Box> causeBoxes = row(main.stream().map(i -> causes.get(i).getOrDefault(causeColumn, "")).toList(), y, 0);
        List<Box> numbered = new ArrayList<>();
        for (int k = 0; k < causeBoxes.size(); k++) numbered.add(renumber(causeBoxes.get(k), main.get(k) + 1));
        List<Integer> subs = new ArrayList<>(parentOf.keySet());
        List<Box> subBoxes = new ArrayList<>();
        if (!subs.isEmpty()) {
            y += BOX_HEIGHT + ROW_GAP;
            List<Box> placed = row(subs.stream().map(i -> causes.get(i).getOrDefault(causeColumn, "")).toList(), y, 0);
            for (int k = 0; k < placed.size(); k++) subBoxes.add(renumber(placed.get(k), subs.get(k) + 1));
        }
        List<Edge> edges = new ArrayList<>();
        effectBoxes.forEach(e -> edges.add(new Edge(central, e)));
        numbered.forEach(c -> edges.add(new Edge(c, central)));
        for (Box sub : subBoxes) {
            int parent = parentOf.get(sub.number() - 1) + 1;
            numbered.stream().filter(c -> c.number() == parent).findFirst().ifPresent(c -> edges.add(new Edge(sub, c)));
        }
        return new Tree(TREE_WIDTH, y + BOX_HEIGHT + 10, effectBoxes, central, numbered, subBoxes, edges);
    }

    /** The main cause a sub-cause hangs from (by number or text), or null for a main cause. */
    private static Integer parent(List<Map<String, String>> causes, int i, String causeColumn, String parentColumn) {
        String named = causes.get(i).getOrDefault(parentColumn, "").strip();
        if (named.isEmpty()) return null;
        for (int j = 0; j < causes.size(); j++) {
            if (j == i || !causes.get(j).getOrDefault(parentColumn, "").isBlank()) continue;
            if (named.equals(String.valueOf(j + 1)) || named.equalsIgnoreCase(causes.get(j).getOrDefault(causeColumn, "").strip())) return j;
        }
        return null;
    }

    private static Box renumber(Box box, int number) {
        return new Box(number, box.x(), box.y(), box.width(), box.height(), box.lines(), box.text());
    }

    private static List<Box> row(List<String> texts, double y, int first) {
        List<Box> boxes = new ArrayList<>();
        int n = Math.min(texts.size(), TREE_ROW);
        if (n == 0) return boxes;
        double gap = 12;
        double width = Math.min(200, (TREE_WIDTH - 20 - gap * (n - 1)) / n);
        double start = (TREE_WIDTH - (n * width + (n - 1) * gap)) / 2;
        for (int k = 0; k < n; k++) {
            boxes.add(new Box(first + k + 1, start + k * (width + gap), y, width, BOX_HEIGHT, wrap(texts.get(k), width), texts.get(k)));
        }
        return boxes;
    }

    /** Words in at most three lines that fit {@code width} at 12 px (about 6.5 units a letter); the rest as "…". */
    public static List<String> wrap(String text, double width) {
        int per = Math.max(6, (int) ((width - 12) / 6.5));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        for (String word : (text == null ? "" : text.strip()).split("\\s+")) {
            if (word.isEmpty()) continue;
            if (word.length() > per) word = word.substring(0, per - 1) + "…";
            if (line.length() > 0 && line.length() + 1 + word.length() > per) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == 3) {
                    cut = true;
                    break;
                }
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (!cut && line.length() > 0) lines.add(line.toString());
        if (cut) {
            String last = lines.get(2);
            lines.set(2, (last.length() >= per ? last.substring(0, per - 1) : last) + "…");
        }
        return lines;
    }

    /** One stage of a journey on its emotion curve: x by its place, y by its rating (top is the best). */
    public record Stage(int number, double cx, double cy, String label, int rating) {
        public String x() {
            return String.format(Locale.ROOT, "%.1f", cx);
        }

        public String y() {
            return String.format(Locale.ROOT, "%.1f", cy);
        }
    }

    public static final double CURVE_WIDTH = 640;
    public static final double CURVE_HEIGHT = 200;

    /**
     * The journey's emotion curve: stages spread evenly from left to right, each at the height of its
     * rating ({@code min} at the bottom, {@code max} on top); stages without a rating are left out of
     * the curve (the list still has them).
     */
    public static List<Stage> curve(List<Map<String, String>> rows, String labelColumn, String ratingColumn, int min, int max) {
        List<Stage> stages = new ArrayList<>();
        int n = rows.size();
        double left = MARGIN, right = CURVE_WIDTH - MARGIN, top = 20, bottom = CURVE_HEIGHT - 30;
        for (int i = 0; i < n; i++) {
            String value = rows.get(i).getOrDefault(ratingColumn, "");
            int rating;
            try {
                rating = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (rating < min || rating > max) continue;
            double x = n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1);
            double y = bottom - (bottom - top) * (rating - min) / (double) (max - min);
            stages.add(new Stage(i + 1, x, y, rows.get(i).getOrDefault(labelColumn, ""), rating));
        }
        return stages;
    }

    /** The curve's points as an SVG polyline. */
    public static String polyline(List<Stage> stages) {
        return String.join(" ", stages.stream().map(s -> s.x() + "," + s.y()).toList());
    }

    private static int clamp(int rating) {
        return Math.max(1, Math.min(5, rating));
    }
}
