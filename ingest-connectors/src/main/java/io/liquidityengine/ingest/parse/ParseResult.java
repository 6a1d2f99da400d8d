package io.liquidityengine.ingest.parse;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing one input unit: either a value or a problem.
 *
 * @param <T> the parsed value type
 */
public sealed interface ParseResult<T> permits ParseResult.Parsed, ParseResult.Problem {

    /** Byte offset or line number of the unit (same meaning as {@link ParseProblem#position()}). */
    long position();

    default boolean isParsed() {
        return this instanceof Parsed;
    }

    /** The value; throws {@link IllegalStateException} when this is a problem. */
    default T value() {
        if (this instanceof Parsed<T> p) {
            return p.parsedValue();
        }
        throw new IllegalStateException("not a parsed value: " + this);
    }

    /** The problem; throws {@link IllegalStateException} when this is a parsed value. */
    default ParseProblem problem() {
        if (this instanceof Problem<T> p) {
            return p.parseProblem();
        }
        throw new IllegalStateException("not a problem: " + this);
    }

    static <T> ParseResult<T> parsed(T value, long position) {
        return new Parsed<>(value, position);
    }

    static <T> ParseResult<T> problem(ParseProblem problem) {
        return new Problem<>(problem);
    }

    /** The parsed values of a list of results, in order. */
    static <T> List<T> values(List<ParseResult<T>> results) {
        return results.stream().filter(ParseResult::isParsed).map(ParseResult::value).toList();
    }

    /** The problems of a list of results, in order. */
    static <T> List<ParseProblem> problems(List<ParseResult<T>> results) {
        return results.stream().filter(r -> !r.isParsed()).map(ParseResult::problem).toList();
    }

    /** A successfully parsed unit. */
    record Parsed<T>(T parsedValue, long position) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(parsedValue, "parsedValue");
        }
    }

    /** A rejected unit. */
    record Problem<T>(ParseProblem parseProblem) implements ParseResult<T> {
        public Problem {
            Objects.requireNonNull(parseProblem, "parseProblem");
        }

        @Override
        public long position() {
            return parseProblem.position();
        }
    }
}
