package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.guest.GuestResources;
import io.fssdk.runtime.guest.GuestWorld;
import java.util.Map;

/** The processor world as the guest supervisor sees it: instantiate, {@code fs-init}, {@code fs-close}. */
final class ProcessorWorld implements GuestWorld<ProcessorSession> {
    private final Component component;
    private final ProcessorLinker linker;

    ProcessorWorld(Component component, ProcessorLinker linker) {
        this.component = component;
        this.linker = linker;
    }

    @Override
    public void prepare() {
        component.compile(); // once per component; a no-op after the first
    }

    @Override
    public ProcessorSession instantiate(GuestResources resources) {
        return ProcessorSession.start(linker.linker(), component, resources);
    }

    @Override
    public String initExport() {
        return ProcessorExports.INIT;
    }

    @Override
    public void init(ProcessorSession session, Map<String, String> config) {
        session.init(config);
    }

    @Override
    public String closeExport() {
        return ProcessorExports.CLOSE;
    }

    @Override
    public void close(ProcessorSession session) {
        session.close();
    }

    @Override
    public void flushOutput() {
        linker.wasi().flush();
    }
}
