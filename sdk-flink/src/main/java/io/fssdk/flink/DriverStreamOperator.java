package io.fssdk.flink;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The Flink operator of a {@link FlinkOperator}: one {@link OperatorRunner} per parallel subtask, over a
 * {@link FlinkStateBackend}. See {@link FlinkOperator} for the mapping of the driver's lifecycle onto
 * Flink's and for why this is an {@code AbstractStreamOperator}.
 *
 * <p>It must run on a keyed stream ({@link FlinkOperator#applyTo} makes sure of that).
 */
public final class DriverStreamOperator extends AbstractStreamOperator<byte[]>
        implements OneInputStreamOperator<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    private final FlinkOperator spec;

    private transient OperatorRunner runner;
    private transient FlinkStateBackend backend;
    /** True while a record is processed: the only time a Flink key is in scope for the stores. */
    private transient boolean inRecord;
    /** The record being processed, whose timestamp emitted records carry; null outside a record. */
    private transient StreamRecord<byte[]> current;
    /** Reused for every emitted record, as Flink's own operators do. */
    private transient StreamRecord<byte[]> out;
    private transient Map<Integer, OutputTag<byte[]>> sideOutputs;
    private transient long lastWatermark;
    private transient TypeSerializer<Object> keySerializer;
    private transient DataOutputSerializer keyBuffer;

    DriverStreamOperator(FlinkOperator spec) {
        this.spec = spec;
    }

    @Override
    public void open() throws Exception {
        super.open();
        out = new StreamRecord<>(null);
        sideOutputs = new HashMap<>();
        lastWatermark = Long.MIN_VALUE;
        if (getKeyedStateBackend() == null) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "a Flink operator needs a keyed stream (keyBy first)",
                    spec.operatorName(), "init", null);
        }
        keySerializer = getKeyedStateBackend().getKeySerializer();
        keyBuffer = new DataOutputSerializer(32);
        backend = FlinkStateBackend.scoped(getKeyedStateStore(), () -> inRecord);
        runner = OperatorRunner.builder()
                .operatorName(spec.operatorName())
                .driver(spec.driverFactory().create())
                .stateBackend(backend)
                .config(spec.config())
                .outputSink(this::emitRecord)
                .watermarkSink(this::emitWatermark)
                .build();
        runner.init();
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) throws Exception {
        byte[] record = element.getValue();
        runner.setCurrentKey(keyBytes(getCurrentKey()));
        current = element;
        inRecord = true;
        try {
            runner.process(spec.sourceIdExtractor().sourceId(record), record);
        } finally {
            inRecord = false;
            current = null;
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        // Not super.processWatermark: that would forward Flink's watermark itself, while the driver decides
        // what to forward. This operator registers no timers, so no timer service needs advancing.
        runner.processWatermark(spec.watermarkSourceId(), mark.getTimestamp());
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        // After finish() the driver is closed, but Flink may still take a final checkpoint.
        if (runner != null && runner.isReady()) {
            runner.takeCheckpoint(checkpointId);
        }
    }

    @Override
    public void finish() throws Exception {
        // Closed here, at end of input, so what the driver emits in close still reaches the output.
        if (runner != null) {
            runner.close();
        }
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            if (runner != null) {
                runner.close();
            }
        } finally {
            try {
                if (backend != null) {
                    backend.close();
                }
            } finally {
                super.close();
            }
        }
    }

    private void emitRecord(int targetId, byte[] data) {
        StreamRecord<byte[]> in = current;
        if (in != null && in.hasTimestamp()) {
            out.replace(data, in.getTimestamp());
        } else {
            out.replace(data);
            out.eraseTimestamp();
        }
        if (targetId == 0) {
            output.collect(out);
        } else {
            output.collect(sideOutputs.computeIfAbsent(targetId, FlinkOperator::sideOutput), out);
        }
    }

    private void emitWatermark(int targetId, long watermark) {
        // Flink requires watermarks to advance; a driver's repeated or older one is dropped, not an error.
        if (watermark > lastWatermark) {
            lastWatermark = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    private byte[] keyBytes(Object key) throws IOException {
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        if (key instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        keyBuffer.clear();
        keySerializer.serialize(key, keyBuffer);
        return keyBuffer.getCopyOfBuffer();
    }
}
