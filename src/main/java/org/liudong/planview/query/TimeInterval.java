package org.liudong.planview.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * The {@code datetime} parameter of OGC API – Features Part 1: an instant or an interval, both ends
 * inclusive, in UTC. A date stands for its whole day (UTC): {@code 2023-05-01} is
 * 2023-05-01T00:00:00Z to 23:59:59.999999Z. An open end is null.
 *
 * @param start null = open start ({@code ../…})
 * @param end   null = open end ({@code …/..}); never before {@code start}
 */
public record TimeInterval(Instant start, Instant end) {
    /** PostgreSQL keeps microseconds: the last instant of a day is one microsecond before the next. */
    private static final Duration RESOLUTION = Duration.of(1, ChronoUnit.MICROS);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE_TIME_WITHOUT_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern DURATION = Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
    private static final String FORMS = "a date (2023-05-01), a date-time with its UTC offset (2023-05-01T08:00:00+08:00 or "
            + "2023-05-01T00:00:00Z), or an interval of them (2021-01-01/2022-12-31, 2022-01-01/.., ../2022-12-31, "
            + "2022-01-01/P1Y)";

    /** Reads {@code datetime}; a malformed value is a 400 problem that shows the accepted forms. */
    public static TimeInterval parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw bad(text, "it is empty");
        int slash = t.indexOf('/');
        if (slash < 0) {
            Instant[] one = instantOrDay(t, text);
            return new TimeInterval(one[0], one[1]);
        }
        if (t.indexOf('/', slash + 1) >= 0) throw bad(text, "an interval has one '/'");
        String from = t.substring(0, slash).strip(), to = t.substring(slash + 1).strip();
        boolean openStart = from.isEmpty() || from.equals(".."), openEnd = to.isEmpty() || to.equals("..");
        if (openStart && openEnd) throw bad(text, "give at least one end of the interval");
        Instant start = openStart ? null : instantOrDay(from, text)[0];
        Instant end;
        if (openEnd) {
            end = null;
        } else if (DURATION.matcher(to).matches()) {
            if (openStart) throw bad(text, "a duration needs a start");
            end = plus(start, to, text).minus(RESOLUTION);
        } else {
            end = instantOrDay(to, text)[1];
        }
        if (start != null && end != null && start.isAfter(end)) throw bad(text, "the start is after the end");
        return new TimeInterval(start, end);
    }

    /** The first and last instant a date or a date-time stands for. */
    private static Instant[] instantOrDay(String value, String text) {
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                Instant first = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Instant[] {first, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(RESOLUTION)};
            }
            if (DATE_TIME.matcher(value).matches()) {
                Instant at = OffsetDateTime.parse(value.toUpperCase(java.util.Locale.ROOT)).toInstant();
                return new Instant[] {at, at};
            }
        } catch (DateTimeParseException e) {
            throw bad(text, "'" + Text.shorten(value) + "' is not a real date or time");
        }
        if (DATE_TIME_WITHOUT_OFFSET.matcher(value).matches()) {
            throw bad(text, "'" + Text.shorten(value) + "' has no UTC offset; add Z (UTC) or +08:00 (China)");
        }
        throw bad(text, "'" + Text.shorten(value) + "' is not a date or a date-time");
    }

    private static Instant plus(Instant start, String duration, String text) {
        int t = duration.indexOf('T');
        String datePart = t < 0 ? duration : duration.substring(0, t);
        String timePart = t < 0 ? "" : duration.substring(t);
        try {
            OffsetDateTime at = start.atOffset(ZoneOffset.UTC);
            if (datePart.length() > 1) at = at.plus(Period.parse(datePart));
            if (!timePart.isEmpty()) at = at.plus(Duration.parse("P" + timePart));
            return at.toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(text, "'" + Text.shorten(duration) + "' is not a duration this server can add");
        }
    }

    private static Problem bad(String text, String why) {
        return Problem.badRequest("parameter datetime: '" + Text.shorten(text) + "' — " + why + "; give " + FORMS);
    }
}
