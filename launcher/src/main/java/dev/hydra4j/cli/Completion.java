package dev.hydra4j.cli;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.ConfigRepository;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.Origin;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --shell-completion install=bash|zsh}: a completion script that completes flags, and asks
 * hydra4j itself ({@code --complete WORD}) for groups, options and keys, so it stays right as the
 * config tree changes.
 */
final class Completion {

  private Completion() {}

  static int print(String request, SearchPath searchPath, PrintStream out) {
    String shell =
        request.startsWith("install=") ? request.substring("install=".length()) : request;
    switch (shell) {
      case "bash" -> out.print(BASH);
      case "zsh" -> out.print("autoload -U +X bashcompinit && bashcompinit\n" + BASH);
      default ->
          throw new ConfigException(
              "Unknown shell '" + shell + "' for --shell-completion",
              Origin.of("--shell-completion " + request),
              "use --shell-completion install=bash or install=zsh, then: eval \"$(./hydra4j"
                  + " --shell-completion install=bash)\"");
    }
    return ExitCode.OK;
  }

  /** Candidates for the word being typed: groups, their options, and config keys. */
  static int complete(String word, Composer composer, String configName, PrintStream out) {
    ConfigRepository repository = composer.repository();
    List<String> candidates = new ArrayList<>();
    String prefix =
        word.startsWith("++") ? "++" : word.startsWith("+") ? "+" : word.startsWith("~") ? "~" : "";
    String body = word.substring(prefix.length());
    int eq = body.indexOf('=');
    if (eq >= 0) {
      String group = body.substring(0, eq);
      for (String option : repository.options(group)) {
        candidates.add(prefix + group + "=" + option);
      }
    } else {
      for (String group : repository.groups()) {
        candidates.add(prefix + group + "=");
      }
      try {
        ConfigMap config = composer.compose(configName, List.of()).config();
        addKeys("", config, prefix, candidates);
      } catch (RuntimeException e) {
        // An incomplete or broken config still completes groups.
      }
    }
    for (String c : candidates) {
      if (c.startsWith(word)) {
        out.println(c);
      }
    }
    return ExitCode.OK;
  }

  private static void addKeys(String path, ConfigNode node, String prefix, List<String> out) {
    if (node instanceof ConfigMap map) {
      for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
        String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getValue() instanceof ConfigMap) {
          addKeys(key, e.getValue(), prefix, out);
        } else {
          out.add(prefix + key + "=");
        }
      }
    }
  }

  // Bash splits words at '=' and ':' (COMP_WORDBREAKS), so the word being completed is
  // rebuilt from the line up to the cursor, and the candidates are trimmed back to the part
  // after the last break that bash will replace.
  private static final String BASH =
      """
      _hydra4j_complete() {
        local line="${COMP_LINE:0:$COMP_POINT}"
        local cur="${line##*[[:space:]]}"
        local candidates
        if [[ "$cur" == -* ]]; then
          candidates="$(compgen -W "--cfg --resolve --package --info --explain --config-path \
      --config-name --config-dir --multirun --dry-run --format --zip --filter --sample --seed \
      --jobs --wait --name --tag --note --help --version --shell-completion" -- "$cur")"
        elif [[ "$COMP_CWORD" -eq 1 && "$cur" != *=* ]]; then
          candidates="$(compgen -W "resume rerun run-job status kill collect runs show tag \
      note export monitor report notebook schema" -- "$cur"; "${COMP_WORDS[0]}" --complete "$cur" 2>/dev/null)"
        else
          candidates="$("${COMP_WORDS[0]}" --complete "$cur" 2>/dev/null)"
        fi
        # bash replaces only what follows the last '=' or ':' of the word being typed
        local prefix="${cur%"${cur##*[=:]}"}"
        local IFS=$'\n'
        COMPREPLY=()
        local c
        for c in $candidates; do
          COMPREPLY+=("${c#"$prefix"}")
        done
        [[ "${COMPREPLY[*]}" == *= ]] && compopt -o nospace 2>/dev/null
        return 0
      }
      complete -o default -F _hydra4j_complete hydra4j ./hydra4j
      """;
}
