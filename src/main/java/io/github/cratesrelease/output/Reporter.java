package io.github.cratesrelease.output;

/** Where the engine's progress and findings go (the Maven log, a test's list...). */
public interface Reporter {
    void info(String line);

    void warn(String line);

    void error(String line);

    /**
     * Detail for whoever asks for it (Maven's {@code -X}): the output of the tools the plugin runs. Dropped unless
     * the reporter shows it.
     */
    default void debug(String line) {
    }

    /** Discards everything. */
    Reporter SILENT = new Reporter() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void error(String line) {
        }
    };
}
