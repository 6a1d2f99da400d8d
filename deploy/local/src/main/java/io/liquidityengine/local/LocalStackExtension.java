package io.liquidityengine.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 harness for broker-backed integration tests: {@code @ExtendWith(LocalStackExtension.class)}
 * and take a {@link LocalStack} parameter. One stack is started per test JVM, shared by every test
 * class and stopped when the JVM's test run ends. Tests isolate themselves with their own topics
 * or instrument keys.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    /** The shared stack, started on first use. */
    public static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", k -> new Resource(LocalStack.temporary().start()), Resource.class).stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return stack(extension);
    }

    /** Closed when the test run's root store closes (JUnit 5.13 closes AutoCloseable values; older ones CloseableResource). */
    @SuppressWarnings("deprecation")
    private record Resource(LocalStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
