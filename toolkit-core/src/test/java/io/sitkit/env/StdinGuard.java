package io.sitkit.env;

import java.io.IOException;
import java.util.Arrays;

/**
 * Test support: runs another class's {@code main} in this JVM and exits (running its shutdown
 * hooks) when standard input closes, so a child process never outlives the test JVM that started it.
 * Usage: {@code StdinGuard <main class> [args…]}.
 */
public final class StdinGuard {
    private StdinGuard() {
    }

    public static void main(String[] args) throws Throwable {
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; end of input means the parent closed it or died
                }
            } catch (IOException ignored) {
                // the same: the parent is gone
            }
            System.exit(0);
        }, "stdin-guard");
        guard.setDaemon(true);
        guard.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
