package io.liquidityengine.topology.domain.strategy.rules;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A node of a declarative rule tree, evaluated on each bar of the strategy's timeframe. Comparisons
 * involving an undefined value (an indicator still warming up, no previous bar) are false.
 */
public sealed interface RuleNode {

    boolean test(RuleInputs in);

    /** Visits every operand of the tree (to learn which indicators to maintain). */
    void operands(Consumer<Operand> visitor);

    /** True when every child is. */
    record All(List<RuleNode> children) implements RuleNode {
        public All {
            children = List.copyOf(children);
            if (children.isEmpty()) {
                throw new IllegalArgumentException("'all' needs at least one rule");
            }
        }

        @Override
        public boolean test(RuleInputs in) {
            for (RuleNode c : children) {
                if (!c.test(in)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void operands(Consumer<Operand> visitor) {
            children.forEach(c -> c.operands(visitor));
        }
    }

    /** True when any child is. */
    record Any(List<RuleNode> children) implements RuleNode {
        public Any {
            children = List.copyOf(children);
            if (children.isEmpty()) {
                throw new IllegalArgumentException("'any' needs at least one rule");
            }
        }

        @Override
        public boolean test(RuleInputs in) {
            for (RuleNode c : children) {
                if (c.test(in)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void operands(Consumer<Operand> visitor) {
            children.forEach(c -> c.operands(visitor));
        }
    }

    /** True when the child is false. */
    record Not(RuleNode child) implements RuleNode {
        public Not {
            Objects.requireNonNull(child, "child");
        }

        @Override
        public boolean test(RuleInputs in) {
            return !child.test(in);
        }

        @Override
        public void operands(Consumer<Operand> visitor) {
            child.operands(visitor);
        }
    }

    /** {@code left op right} on the current bar. */
    record Compare(Operand left, Op op, Operand right) implements RuleNode {
        public Compare {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(RuleInputs in) {
            return op.holds(left.current(in), right.current(in));
        }

        @Override
        public void operands(Consumer<Operand> visitor) {
            visitor.accept(left);
            visitor.accept(right);
        }
    }

    /**
     * Left crosses right: above when left was <= right on the previous bar and is > right now;
     * below when it was >= and is < now.
     */
    record Cross(Operand left, Operand right, boolean above) implements RuleNode {
        public Cross {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(RuleInputs in) {
            double l0 = left.previous(in);
            double r0 = right.previous(in);
            double l1 = left.current(in);
            double r1 = right.current(in);
            if (Double.isNaN(l0) || Double.isNaN(r0) || Double.isNaN(l1) || Double.isNaN(r1)) {
                return false;
            }
            return above ? l0 <= r0 && l1 > r1 : l0 >= r0 && l1 < r1;
        }

        @Override
        public void operands(Consumer<Operand> visitor) {
            visitor.accept(left);
            visitor.accept(right);
        }
    }

    /** A candlestick pattern on the current (and previous) bar. */
    record Pattern(CandlePattern pattern) implements RuleNode {
        public Pattern {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public boolean test(RuleInputs in) {
            return pattern.matches(in.previousBar(), in.bar());
        }

        @Override
        public void operands(Consumer<Operand> visitor) {
        }
    }

    /** Comparison operators. */
    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return false;
            }
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
            };
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown operator '" + symbol + "'; expected <, <=, >, >= or ==");
        }
    }
}
