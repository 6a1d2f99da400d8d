package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.discord.Webhook;
import io.liquidityengine.notifier.discord.WebhookClient;
import io.liquidityengine.notifier.message.Notification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Routes a notification to the console and to every webhook configured for its kind, in order. */
public final class Dispatcher {

    private final WebhookClient client;
    private final Map<Webhook, Set<Notification.Kind>> routes;
    private final Consumer<String> console;

    /** {@code console} may be null (off). */
    public Dispatcher(WebhookClient client, Map<Webhook, Set<Notification.Kind>> routes, Consumer<String> console) {
        this.client = client;
        this.routes = routes;
        this.console = console;
    }

    public synchronized void dispatch(Notification n) throws InterruptedException {
        if (console != null) {
            console.accept(n.consoleLine());
        }
        for (Map.Entry<Webhook, Set<Notification.Kind>> route : routes.entrySet()) {
            if (route.getValue().contains(n.kind())) {
                client.post(route.getKey(), n);
            }
        }
    }

    public void dispatchAll(List<Notification> notifications) throws InterruptedException {
        for (Notification n : notifications) {
            dispatch(n);
        }
    }
}
