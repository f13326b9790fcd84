package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.guest.GuestResources;
import io.fssdk.runtime.guest.GuestWorld;
import java.util.Map;

/**
 * The processor world as the guest supervisor sees it: instantiate, {@code fs-init}, {@code fs-close}. For a
 * Python operator, initialising an instance is {@code fs-exec} with the operator's source, then
 * {@code fs-init}: every fresh instance of the Python runtime, restarts included, must load the class first.
 */
final class ProcessorWorld implements GuestWorld<ProcessorSession> {
    private final Component component;
    private final ProcessorLinker linker;
    private final PythonSource python;

    /** @param python the Python operator to load into each instance, or null for any other component */
    ProcessorWorld(Component component, ProcessorLinker linker, PythonSource python) {
        this.component = component;
        this.linker = linker;
        this.python = python;
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
        return python != null ? ProcessorExports.EXEC + "` then `" + ProcessorExports.INIT : ProcessorExports.INIT;
    }

    @Override
    public void init(ProcessorSession session, Map<String, String> config) {
        if (python != null) {
            session.exec(python.className(), python.modules());
        }
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
