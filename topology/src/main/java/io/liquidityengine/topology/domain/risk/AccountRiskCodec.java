package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.position.BracketPhase;
import io.liquidityengine.topology.domain.position.LegStatus;
import io.liquidityengine.topology.domain.position.BracketLedger;
import io.liquidityengine.topology.domain.position.ManagedBracket;
import io.liquidityengine.topology.domain.position.ManagedLeg;
import io.liquidityengine.topology.domain.position.Side;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An {@link AccountRisk} as bytes and back, for a changelogged state store. Compact and
 * deterministic: sets and maps are written in sorted order, decimals as their exact string, doubles
 * as raw bits, so equal states give equal bytes. The configuration is not stored: {@link #decode}
 * takes it, so a changed configuration applies to restored state.
 */
public final class AccountRiskCodec {

    private static final byte VERSION = 1;

    private AccountRiskCodec() {
    }

    public static byte[] encode(AccountRisk risk) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(risk.account());
            out.writeBoolean(risk.haltedAll());
            writeStrings(out, risk.haltedInstruments());
            out.writeBoolean(risk.tradingDay() != null);
            if (risk.tradingDay() != null) {
                out.writeLong(risk.tradingDay().toEpochDay());
            }
            out.writeLong(risk.latestEventMicros());
            writeDecimal(out, risk.closedPnlToday());
            writeStrings(out, risk.tradedToday());
            writeStrings(out, risk.closeFlattened());
            out.writeBoolean(risk.lossFlattenDone());
            out.writeInt(risk.retiredRevisions().size());
            for (Map.Entry<String, Integer> e : risk.retiredRevisions().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
            out.writeInt(risk.brackets().size());
            for (ManagedBracket b : risk.brackets().values()) {
                writeBracket(out, b);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AccountRisk decode(byte[] data, RiskConfig config) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown account risk state version " + version);
            }
            String account = in.readUTF();
            boolean haltedAll = in.readBoolean();
            SortedSet<String> halted = readStrings(in);
            LocalDate day = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
            long latest = in.readLong();
            BigDecimal closed = readDecimal(in);
            SortedSet<String> traded = readStrings(in);
            SortedSet<String> flattened = readStrings(in);
            boolean lossDone = in.readBoolean();
            SortedMap<String, Integer> retired = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                retired.put(in.readUTF(), in.readInt());
            }
            List<ManagedBracket> brackets = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                brackets.add(readBracket(in));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException(in.available() + " trailing bytes after account risk state");
            }
            return new AccountRisk(account, config, haltedAll, halted, day, latest, closed, traded, flattened, lossDone,
                    brackets, retired);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt account risk state", e);
        }
    }

    private static void writeBracket(DataOutputStream out, ManagedBracket b) throws IOException {
        out.writeUTF(b.account());
        out.writeUTF(b.bracketId());
        out.writeUTF(b.planId());
        out.writeUTF(b.instrument());
        out.writeByte(b.side().ordinal());
        out.writeDouble(b.tickSize());
        writeDecimal(out, b.tickValue());
        out.writeInt(b.planRevision());
        out.writeInt(b.orderRevision());
        out.writeUTF(b.placeClientOrderId());
        writeNullable(out, b.replacedCancelId());
        out.writeByte(b.phase().ordinal());
        out.writeLong(b.entryTicks());
        out.writeInt(b.legs().size());
        for (ManagedLeg leg : b.legs()) {
            out.writeUTF(leg.legId());
            out.writeInt(leg.number());
            out.writeInt(leg.quantity());
            out.writeLong(leg.targetTicks());
            out.writeLong(leg.stopTicks());
            out.writeByte(leg.status().ordinal());
        }
        BracketLedger ledger = b.ledger();
        out.writeInt(ledger.filledQuantity());
        out.writeBoolean(ledger.averageEntryTicks() != null);
        if (ledger.averageEntryTicks() != null) {
            writeDecimal(out, ledger.averageEntryTicks());
        }
        out.writeInt(ledger.exitedQuantity());
        writeDecimal(out, ledger.reportRealizedTicks());
        out.writeInt(ledger.positionExited());
        out.writeLong(ledger.positionRealizedTicks());
        writeDecimal(out, ledger.baselineTicks());
        out.writeLong(b.openedMicros());
        writeStrings(out, b.appliedReports());
    }

    private static ManagedBracket readBracket(DataInputStream in) throws IOException {
        String account = in.readUTF();
        String bracketId = in.readUTF();
        String planId = in.readUTF();
        String instrument = in.readUTF();
        Side side = Side.values()[in.readByte()];
        double tickSize = in.readDouble();
        BigDecimal tickValue = readDecimal(in);
        int planRevision = in.readInt();
        int orderRevision = in.readInt();
        String placeId = in.readUTF();
        String replacedCancelId = readNullable(in);
        BracketPhase phase = BracketPhase.values()[in.readByte()];
        long entryTicks = in.readLong();
        List<ManagedLeg> legs = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            legs.add(new ManagedLeg(in.readUTF(), in.readInt(), in.readInt(), in.readLong(), in.readLong(),
                    LegStatus.values()[in.readByte()]));
        }
        BracketLedger ledger = new BracketLedger(side, in.readInt(), in.readBoolean() ? readDecimal(in) : null,
                in.readInt(), readDecimal(in), in.readInt(), in.readLong(), readDecimal(in));
        long opened = in.readLong();
        SortedSet<String> applied = readStrings(in);
        return new ManagedBracket(account, bracketId, planId, instrument, side, tickSize, tickValue, planRevision,
                orderRevision, placeId, replacedCancelId, phase, entryTicks, legs, ledger, opened, applied);
    }

    private static void writeStrings(DataOutputStream out, Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : new TreeSet<>(values)) {
            out.writeUTF(v);
        }
    }

    private static SortedSet<String> readStrings(DataInputStream in) throws IOException {
        SortedSet<String> out = new TreeSet<>();
        for (int i = in.readInt(); i > 0; i--) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
        out.writeUTF(value.toString());
    }

    private static BigDecimal readDecimal(DataInputStream in) throws IOException {
        return new BigDecimal(in.readUTF());
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
