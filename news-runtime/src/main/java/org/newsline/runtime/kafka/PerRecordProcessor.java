package org.newsline.runtime.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsline.events.Event;
import org.newsline.events.EventCodec;
import org.newsline.events.EventDecodingException;

/**
 * A {@link BatchProcessor} that decodes each record as {@code T}, checks its key, and hands it to a
 * {@link RecordHandler}, on several threads when asked. Outputs are sent in the input order, so everything
 * about one key stays in order. Malformed values, unknown schema versions, wrong keys and handler failures
 * go to the dead letters with the reason.
 */
public final class PerRecordProcessor<T extends Event> implements BatchProcessor, AutoCloseable {

    private final Class<T> type;
    private final Function<T, String> expectedKey;
    private final RecordHandler<T> handler;
    private final ExecutorService pool;

    /**
     * @param expectedKey the key a value must have (its id), or null to accept any key
     * @param threads     how many records are handled at once (1: on the loop's thread)
     */
    public PerRecordProcessor(Class<T> type, Function<T, String> expectedKey, RecordHandler<T> handler,
                              int threads) {
        this.type = type;
        this.expectedKey = expectedKey;
        this.handler = handler;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsline-" + type.getSimpleName().toLowerCase() + "-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public void process(List<ConsumerRecord<String, byte[]>> records, Output out) throws Exception {
        if (pool == null) {
            for (ConsumerRecord<String, byte[]> r : records) {
                emit(r, handleOne(r), out);
            }
            return;
        }
        List<Future<Result>> futures = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            futures.add(pool.submit(() -> handleOne(r)));
        }
        for (int i = 0; i < records.size(); i++) {
            Result result;
            try {
                result = futures.get(i).get();
            } catch (ExecutionException e) {
                result = Result.failed("processing failed: " + e.getCause());
            }
            emit(records.get(i), result, out);
        }
    }

    private static void emit(ConsumerRecord<String, byte[]> r, Result result, Output out) {
        if (result.error != null) {
            out.deadLetter(r, result.error);
            return;
        }
        for (Outgoing o : result.outputs) {
            out.send(o.topic(), o.key(), o.value());
        }
    }

    private Result handleOne(ConsumerRecord<String, byte[]> r) {
        T value;
        try {
            value = EventCodec.decode(r.value(), type);
        } catch (EventDecodingException e) {
            return Result.failed(e.getMessage());
        }
        if (expectedKey != null) {
            String want = expectedKey.apply(value);
            if (want != null && !want.equals(r.key())) {
                return Result.failed("wrong key '" + r.key() + "': the value's id is '" + want + "'");
            }
        }
        try {
            return new Result(handler.handle(r.key(), value), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Result.failed((e instanceof PoisonRecordException ? "" : "processing failed: ") + e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private record Result(List<Outgoing> outputs, String error) {
        static Result failed(String error) {
            return new Result(List.of(), error);
        }
    }
}
