package dev.raq.core.judge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a ranking of anonymous ids out of a judge's reply; see {@link RankingJudge} for the accepted forms.
 *
 * <p>The result is a list of tiers, best first: {@code [[2], [1, 3]]} means 2 is best and 1 and 3 tie behind it.
 * Replies that hold no ranking, several different rankings, or a ranking that is not a permutation of exactly the
 * shown ids are rejected with an {@link InvalidReply} whose message can be shown to the judge model.
 */
final class RankingReplyParser {

    /** A reply that holds no usable ranking; the message says why, in words a judge model can act on. */
    static final class InvalidReply extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidReply(String message) {
            super(message, null, false, false);
        }
    }

    /** The most positions at which a JSON object or array is tried, bounding the work on long replies. */
    static final int MAX_JSON_STARTS = 1000;

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final JsonFactory FACTORY = LENIENT.getFactory();

    private static final String ID = "(?:(?:ID|Answer|Candidate)\\s*#?\\s*|#)?\\d+";
    private static final Pattern ONE_ID = Pattern.compile("(?i)\\s*(?:(?:ID|Answer|Candidate)\\s*#?\\s*|#)?(\\d+)\\s*");
    private static final String SEPARATOR = "\\s*(?:>>|>|==|=|,|;|→)\\s*";
    /** A run of at least two ids joined by separators, not glued to surrounding words or decimals. */
    private static final Pattern TEXT_RANKING = Pattern.compile("(?i)(?<![\\w.])" + ID + "(?:" + SEPARATOR + ID
            + ")+(?!\\w|\\.\\d)");
    private static final Pattern TEXT_TOKEN = Pattern.compile("(?i)(>>|>|==|=|,|;|→)|(\\d+)");

    private RankingReplyParser() {
    }

    /**
     * Parses a reply.
     *
     * @param reply the judge's raw reply
     * @param shown the ids that were shown
     * @return the tiers of ids, best first; a permutation of {@code shown}
     * @throws InvalidReply if the reply holds no ranking, several different ones, or an invalid one
     */
    static List<List<Integer>> parse(String reply, Set<Integer> shown) throws InvalidReply {
        return parse(reply, shown, List.of());
    }

    /**
     * Parses the judge's own words in a reply: text it quotes from what it was shown (an answer repeated verbatim,
     * or a line of the reply that occurs in one) is left out first, so a ranking an answer carries cannot become the
     * judge's ranking.
     *
     * @param quoted the texts the judge was shown (question, context, references, answers)
     */
    static List<List<Integer>> parse(String reply, Set<Integer> shown, List<String> quoted) throws InvalidReply {
        String own = withoutQuotes(reply, quoted);
        if (own.isBlank() && !reply.isBlank()) {
            throw new InvalidReply("the reply only repeats the texts it was shown; give your own ranking");
        }
        char[] chars = own.toCharArray();
        List<List<List<Integer>>> found = jsonObjectRankings(chars);
        if (found.isEmpty()) {
            found = jsonArrayRankings(chars);
        }
        if (found.isEmpty()) {
            found = textRankings(own);
        }
        if (found.isEmpty()) {
            throw new InvalidReply("the reply contains no ranking");
        }
        Set<List<List<Integer>>> distinct = new LinkedHashSet<>(found);
        if (distinct.size() == 1) {
            List<List<Integer>> only = distinct.iterator().next();
            validate(only, shown);
            return only;
        }
        List<List<List<Integer>>> valid = new ArrayList<>();
        for (List<List<Integer>> candidate : distinct) {
            if (problems(candidate, shown).isEmpty()) {
                valid.add(candidate);
            }
        }
        if (valid.size() == 1) {
            return valid.get(0);
        }
        List<String> shownForms = new ArrayList<>();
        for (List<List<Integer>> candidate : distinct) {
            shownForms.add(format(candidate));
        }
        throw new InvalidReply("the reply contains " + distinct.size() + " different rankings " + shownForms
                + " and it is not clear which one is meant");
    }

    /** The reply without verbatim copies of the quoted texts and without its lines that occur in one of them. */
    static String withoutQuotes(String reply, List<String> quoted) {
        String out = reply;
        List<String> longestFirst = new ArrayList<>(quoted);
        longestFirst.sort((a, b) -> b.length() - a.length());
        for (String q : longestFirst) {
            if (q.strip().length() >= 8) {
                out = out.replace(q, " ");
            }
        }
        StringBuilder kept = new StringBuilder(out.length());
        for (String line : out.split("\n", -1)) {
            String t = line.strip();
            boolean echoed = t.length() >= 8 && quoted.stream().anyMatch(q -> q.contains(t));
            kept.append(echoed ? "" : line).append('\n');
        }
        return kept.toString();
    }

    /** The ranking in JSON-like form: {@code [2, [1, 3]]} (a nested array is a tie). */
    static String format(List<List<Integer>> tiers) {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < tiers.size(); t++) {
            List<Integer> tier = tiers.get(t);
            sb.append(t == 0 ? "" : ", ");
            if (tier.size() == 1) {
                sb.append(tier.get(0));
            } else {
                sb.append(tier.toString());
            }
        }
        return sb.append(']').toString();
    }

    private static void validate(List<List<Integer>> tiers, Set<Integer> shown) throws InvalidReply {
        List<String> problems = problems(tiers, shown);
        if (!problems.isEmpty()) {
            throw new InvalidReply("the ranking " + format(tiers) + " is not a permutation of the ids shown "
                    + new TreeSet<>(shown) + ": " + String.join("; ", problems));
        }
    }

    private static List<String> problems(List<List<Integer>> tiers, Set<Integer> shown) {
        Set<Integer> seen = new LinkedHashSet<>();
        Set<Integer> duplicates = new TreeSet<>();
        Set<Integer> unknown = new TreeSet<>();
        for (List<Integer> tier : tiers) {
            for (Integer id : tier) {
                if (!shown.contains(id)) {
                    unknown.add(id);
                } else if (!seen.add(id)) {
                    duplicates.add(id);
                }
            }
        }
        Set<Integer> missing = new TreeSet<>(shown);
        missing.removeAll(seen);
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add(describe(unknown) + (unknown.size() == 1 ? " was" : " were") + " not shown");
        }
        if (!duplicates.isEmpty()) {
            problems.add(describe(duplicates) + (duplicates.size() == 1 ? " appears" : " appear")
                    + " more than once");
        }
        if (!missing.isEmpty()) {
            problems.add(describe(missing) + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return problems;
    }

    private static String describe(Set<Integer> ids) {
        List<String> names = new ArrayList<>();
        for (Integer id : ids) {
            names.add(String.valueOf(id));
        }
        return (ids.size() == 1 ? "id " : "ids ") + String.join(", ", names);
    }

    /**
     * Rankings under a {@code "ranking"} key (at any depth) of the JSON objects in the reply: bare, fenced or inside
     * prose. An object that parses is skipped as a whole, so each character is read by at most one successful parse;
     * at most {@value #MAX_JSON_STARTS} start positions are tried.
     */
    private static List<List<List<Integer>>> jsonObjectRankings(char[] reply) throws InvalidReply {
        List<List<List<Integer>>> found = new ArrayList<>();
        int[] end = new int[1];
        int attempts = 0;
        for (int i = indexOf(reply, '{', 0); i >= 0 && attempts < MAX_JSON_STARTS; attempts++) {
            JsonNode node = readValueAt(reply, i, end);
            if (node == null || !node.isObject()) {
                i = indexOf(reply, '{', i + 1);
                continue;
            }
            collectRankings(node, found);
            i = indexOf(reply, '{', end[0]);
        }
        return found;
    }

    private static void collectRankings(JsonNode node, List<List<List<Integer>>> found) throws InvalidReply {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().trim().equalsIgnoreCase("ranking")) {
                    found.add(rankingValue(field.getValue()));
                } else {
                    collectRankings(field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectRankings(element, found);
            }
        }
    }

    private static List<List<Integer>> rankingValue(JsonNode value) throws InvalidReply {
        if (value.isTextual()) {
            List<List<List<Integer>>> inText = textRankings(value.textValue());
            if (inText.size() == 1) {
                return inText.get(0);
            }
            throw new InvalidReply("the value of \"ranking\" must be an array of ids but was the text \""
                    + abbreviate(value.textValue()) + "\"");
        }
        List<List<Integer>> tiers = arrayTiers(value);
        if (tiers == null) {
            throw new InvalidReply("the value of \"ranking\" must be an array of ids (integers) but was "
                    + abbreviate(value.toString()));
        }
        return tiers;
    }

    /**
     * Top-level JSON arrays of ids (ties as nested arrays) anywhere in the reply, holding at least two ids; at most
     * {@value #MAX_JSON_STARTS} start positions are tried.
     */
    private static List<List<List<Integer>>> jsonArrayRankings(char[] reply) {
        List<List<List<Integer>>> found = new ArrayList<>();
        int[] end = new int[1];
        int attempts = 0;
        for (int i = indexOf(reply, '[', 0); i >= 0 && attempts < MAX_JSON_STARTS; attempts++) {
            JsonNode node = readValueAt(reply, i, end);
            List<List<Integer>> tiers = node == null ? null : arrayTiers(node);
            if (tiers != null && tiers.stream().mapToInt(List::size).sum() >= 2) {
                found.add(tiers);
                i = indexOf(reply, '[', end[0]);
            } else {
                i = indexOf(reply, '[', i + 1);
            }
        }
        return found;
    }

    private static int indexOf(char[] text, char c, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Rankings written as text: {@code 2, 1, 3}, {@code ID 2 > ID 1 > ID 3}, {@code 2 = 1 > 3}. */
    private static List<List<List<Integer>>> textRankings(String text) {
        List<List<List<Integer>>> found = new ArrayList<>();
        Matcher m = TEXT_RANKING.matcher(text);
        while (m.find()) {
            List<List<Integer>> tiers = new ArrayList<>();
            List<Integer> tier = new ArrayList<>();
            Matcher token = TEXT_TOKEN.matcher(m.group());
            while (token.find()) {
                if (token.group(2) != null) {
                    Integer id = toId(token.group(2));
                    if (id == null) {
                        tiers = null;
                        break;
                    }
                    tier.add(id);
                } else if (!token.group(1).startsWith("=")) {
                    tiers.add(tier);
                    tier = new ArrayList<>();
                }
            }
            if (tiers != null) {
                tiers.add(tier);
                found.add(tiers);
            }
        }
        return found;
    }

    /** The tiers of an array of ids whose elements may be nested arrays (ties), or null if it is not one. */
    private static @Nullable List<List<Integer>> arrayTiers(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return null;
        }
        List<List<Integer>> tiers = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isArray()) {
                if (element.isEmpty()) {
                    return null;
                }
                List<Integer> tier = new ArrayList<>();
                for (JsonNode inner : element) {
                    Integer id = idOf(inner);
                    if (id == null) {
                        return null;
                    }
                    tier.add(id);
                }
                tiers.add(tier);
            } else {
                Integer id = idOf(element);
                if (id == null) {
                    return null;
                }
                tiers.add(List.of(id));
            }
        }
        return tiers;
    }

    private static @Nullable Integer idOf(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            Matcher m = ONE_ID.matcher(node.textValue());
            return m.matches() ? toId(m.group(1)) : null;
        }
        return null;
    }

    private static @Nullable Integer toId(String digits) {
        if (digits.length() > 9) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    /** The JSON value that starts at {@code start}, or null; {@code end[0]} receives the index after it. */
    private static @Nullable JsonNode readValueAt(char[] text, int start, int[] end) {
        try (JsonParser parser = FACTORY.createParser(text, start, text.length - start)) {
            JsonNode node = LENIENT.readTree(parser);
            end[0] = start + (int) parser.currentLocation().getCharOffset();
            return node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
