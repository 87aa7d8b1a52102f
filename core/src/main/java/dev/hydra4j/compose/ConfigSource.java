package dev.hydra4j.compose;

/**
 * The text of one config file found on the search path.
 *
 * @param configPath the path without extension, relative to the search path entry ({@code
 *     db/mysql})
 * @param displayPath how error messages and {@code --info} name the file
 * @param extension {@code yaml}, {@code yml} or {@code conf}
 * @param text the file's content
 * @param builtIn whether it ships inside hydra4j
 */
record ConfigSource(
    String configPath, String displayPath, String extension, String text, boolean builtIn) {}
