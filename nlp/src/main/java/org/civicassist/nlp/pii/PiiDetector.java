package org.civicassist.nlp.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in normalised text (half-width, lower case): resident ID numbers (with check digit), mobile
 * numbers, bank card numbers (Luhn) and e-mail addresses. Digits may be grouped with single spaces or hyphens, the way
 * people type card and phone numbers ("6222 0200 …", "138-1234-5678"). Numbers that only look like these (a
 * hotline, a date, an amount, an ID with a wrong check digit) are not reported: every kind is validated.
 *
 * <p>Found by their context as well: landline numbers ({@link LandlineDetector}), the house-number part of addresses
 * ({@link AddressDetector}) and names a citizen introduces ({@link NameDetector}); where one overlaps a validated
 * number, the number wins.
 */
public final class PiiDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}");
    /** Bounds the work on a long run of grouped digits. */
    private static final int MAX_GROUPS = 12;
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'x', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final LandlineDetector landlines = new LandlineDetector();
    private final AddressDetector addresses = new AddressDetector();
    private final NameDetector names = new NameDetector();

    /** All personal data in {@code text}, in order, not overlapping. */
    public List<PiiMatch> find(String text) {
        List<PiiMatch> out = new ArrayList<>();
        if (text.indexOf('@') >= 0) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                out.add(new PiiMatch(PiiKind.EMAIL, m.start(), m.end()));
            }
        }
        int i = 0;
        while (i < text.length()) {
            if (isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1))) && !insideEmail(out, i)) {
                i = scanNumberRun(text, i, out);
            } else {
                i++;
            }
        }
        // validated numbers first; then what is found by its context, where it does not overlap them
        List<PiiMatch> more = new ArrayList<>();
        landlines.find(text, more);
        addresses.find(text, more);
        names.find(text, more);
        for (PiiMatch m : more) {
            if (out.stream().noneMatch(o -> o.start() < m.end() && m.start() < o.end())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(PiiMatch::start));
        return out;
    }

    public boolean containsAny(String text) {
        return !find(text).isEmpty();
    }

    /**
     * A run of digit groups separated by one space or hyphen. Tries, from each group, the longest sequence of
     * groups that forms a valid number, so "13812345678 13912345678" gives two mobiles.
     */
    private static int scanNumberRun(String text, int start, List<PiiMatch> out) {
        List<int[]> groups = new ArrayList<>(); // [start, end) of each digit group
        int i = start;
        int total = 0;
        while (true) {
            int g = i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
            total += i - g;
            if (i < text.length() && text.charAt(i) == 'x' && (total == 17 || i - g == 17)) {
                i++; // the check character of an ID number
            }
            groups.add(new int[]{g, i});
            boolean separatorThenDigit = i + 1 < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')
                    && isDigit(text.charAt(i + 1));
            if (!separatorThenDigit || groups.size() == MAX_GROUPS) {
                break;
            }
            i++;
        }
        int runEnd = groups.get(groups.size() - 1)[1];
        int first = 0;
        while (first < groups.size()) {
            boolean matched = false;
            for (int last = groups.size() - 1; last >= first; last--) {
                int s = groups.get(first)[0];
                int e = groups.get(last)[1];
                PiiKind kind = classify(digitsOf(text, s, e));
                if (kind != null) {
                    out.add(new PiiMatch(kind, kind == PiiKind.MOBILE ? withCountryCode(text, s) : s, e));
                    first = last + 1;
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                first++;
            }
        }
        return runEnd;
    }

    private static String digitsOf(String text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isDigit(c) || c == 'x') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The kind of personal data {@code digits} (digits only, an ID's check character as lower-case {@code x}) is,
     * or {@code null}: for a number typed across two messages, whose parts are joined before they are classified.
     */
    static PiiKind classifyDigits(String digits) {
        return classify(digits);
    }

    private static PiiKind classify(String digits) {
        int n = digits.length();
        if (n == 18 && isIdNumber(digits)) {
            return PiiKind.ID_NUMBER;
        }
        if (digits.indexOf('x') >= 0) {
            return null;
        }
        if (n == 11 && isMobile(digits)) {
            return PiiKind.MOBILE;
        }
        if (n == 13 && digits.startsWith("86") && isMobile(digits.substring(2))) {
            return PiiKind.MOBILE;
        }
        if (n >= 16 && n <= 19 && luhn(digits)) {
            return PiiKind.BANK_CARD;
        }
        return null;
    }

    private static int withCountryCode(String text, int start) {
        return start > 0 && text.charAt(start - 1) == '+' ? start - 1 : start;
    }

    static boolean isMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
    }

    /** 18 characters: 6-digit region, valid birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character. */
    static boolean isIdNumber(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (!isDigit(c)) {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        if (id.charAt(0) == '0' || ID_CHECK[sum % 11] != id.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return birth.getYear() >= 1880 && !birth.isAfter(LocalDate.now().plusDays(1));
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean insideEmail(List<PiiMatch> found, int i) {
        for (PiiMatch m : found) {
            if (m.kind() == PiiKind.EMAIL && m.start() <= i && i < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
