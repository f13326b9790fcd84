package io.fssdk.api;

/**
 * A native {@link Driver} that receives timers. It is an optional interface, so that the {@code Driver}
 * contract (which WebAssembly guests implement through the {@code processor} world) stays as it is: only
 * a driver implementing this interface may register timers on {@link Context#timers()}.
 */
public interface TimerDriver extends Driver {
    /**
     * Called once for each due timer, from the runner's thread, between other lifecycle calls. The
     * context's current key is the timer key's {@code key} part during the call. Failures are wrapped like
     * any step's (step {@code "onTimer"}); a timer that failed is not fired again.
     */
    void onTimer(Context ctx, Timer timer) throws Exception;
}
