import Foundation
import Testing

/// Drives the real bash, zsh and fish completion systems with the generated scripts in
/// `completions/`, as if the user typed a line and pressed Tab; returns the candidates.
struct CompletionDriver {
  /// Scratch home and working directory: file completion lists what is in it.
  let home: TempDir
  let environment: [String: String]

  /// `instance` becomes `TRSH_INSTANCE`, where `trsh complete-values` finds dynamic values.
  init(home: TempDir, instance: String? = nil) {
    self.home = home
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    var env = [
      // The scripts call `trsh complete-values ...`: the built trsh must be the one found.
      "PATH": Binaries.directory.path + ":" + path,
      "HOME": home.path, "XDG_STATE_HOME": home.file("state"), "XDG_DATA_HOME": home.file("data"),
      "XDG_CONFIG_HOME": home.file("config"), "TERM": "dumb",
    ]
    if let instance { env["TRSH_INSTANCE"] = instance }
    environment = env
  }

  /// Whether bash and the bash-completion package are installed.
  static var bashCompletionInstalled: Bool {
    Repository.tool("bash") != nil
      && FileManager.default.fileExists(atPath: "/usr/share/bash-completion/bash_completion")
  }

  static let completions = Repository.root.appendingPathComponent("completions")

  /// bash with bash-completion: the function `complete -p trsh` names, called with COMP_WORDS.
  func bash(_ line: String) throws -> [String] {
    let driver = home.write(
      "drive.bash",
      #"""
      source /usr/share/bash-completion/bash_completion
      source "$1"
      line=$2
      spec=$(complete -p trsh) || { echo "no completion registered for trsh" >&2; exit 3; }
      fn=${spec##*-F }
      fn=${fn%% *}
      COMP_LINE=$line
      COMP_POINT=${#line}
      read -ra COMP_WORDS <<<"$line"
      [[ $line == *' ' ]] && COMP_WORDS+=('')
      COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
      COMP_TYPE=9
      COMP_KEY=9
      "$fn" trsh "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\n' "${COMPREPLY[@]}"
      """#)
    let script = Self.completions.appendingPathComponent("trsh.bash").path
    return candidates(try shell("bash", [driver, script, line]), separator: nil)
  }

  /// An interactive zsh with compinit in a pty (zsh/zpty), `compadd` wrapped to print matches.
  func zsh(_ line: String) throws -> [String] {
    let setup = home.write(
      "setup.zsh",
      #"""
      PROMPT=
      fpath=("$TRSH_COMPLETION_DIR" $fpath)
      autoload -U compinit
      compinit -u -D
      bindkey '^M' undefined
      bindkey '^J' undefined
      bindkey '^I' complete-word
      zstyle ':completion:*' insert-tab false
      # The inner shell leaves after one completion, so the driver reads to the end.
      comppostfuncs=( exit )
      compadd() {
        # Calls that only collect matches into arrays are not what the user sees.
        if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
          builtin compadd "$@"
          return $?
        fi
        typeset -a __hits
        builtin compadd -A __hits "$@"
        local __hit
        for __hit in $__hits; do echo -E - "trsh-capture: $__hit"; done
        builtin compadd "$@"
      }
      echo trsh-capture-ready
      """#)
    let driver = home.write(
      "drive.zsh",
      #"""
      zmodload zsh/zpty || { echo 'zsh/zpty is missing' >&2; exit 3 }
      zpty z zsh -f -i
      zpty -w z "source ${(q)1}"
      local out
      integer ready=0
      repeat 200; do
        zpty -r z out || break
        if [[ $out == *trsh-capture-ready* ]]; then ready=1; break; fi
      done
      (( ready )) || { echo 'the zsh completion setup did not finish' >&2; exit 4 }
      zpty -w -n z "$2"$'\t'
      while zpty -r z; do :; done
      """#)
    var env = environment
    env["TRSH_COMPLETION_DIR"] = Self.completions.path
    let output = try shell("zsh", ["-f", driver, setup, line], environment: env)
    // The terminal echo of the typed line may precede the first match on its line.
    return output.split(whereSeparator: \.isNewline).compactMap { line in
      guard let marker = line.range(of: "trsh-capture: ") else { return nil }
      // zsh quotes matches for the command line (`Smart\ Search`); compare the values.
      return line[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        .replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
    }
  }

  /// fish's own `complete -C`, which prints `candidate<TAB>description` lines.
  ///
  /// `complete -C` has a command line but no cursor (`commandline -C` prints nothing, or fails
  /// outside a script), and the script's custom completions pass the cursor's place in the
  /// current word: a `commandline` function answers for fish with the end of the word, where
  /// Tab is pressed, and leaves everything else to the builtin.
  func fish(_ line: String) throws -> [String] {
    var env = environment
    env["TRSH_COMPLETION_SCRIPT"] = Self.completions.appendingPathComponent("trsh.fish").path
    env["TRSH_COMPLETION_LINE"] = line
    let cursor = home.write(
      "cursor.fish",
      #"""
      function commandline
          if string match -qr -- '^-[^-]*C' $argv
              set -l token (builtin commandline -ct)
              string length -- "$token"
          else
              builtin commandline $argv
          end
      end
      """#)
    env["TRSH_CURSOR_SHIM"] = cursor
    let output = try shell(
      "fish",
      [
        "--no-config", "-c",
        "source $TRSH_CURSOR_SHIM; source $TRSH_COMPLETION_SCRIPT;"
          + " complete -C \"$TRSH_COMPLETION_LINE\"",
      ],
      environment: env)
    return candidates(output, separator: "\t")
  }

  /// Runs a shell under `timeout`, so that a stuck completion fails instead of hanging.
  private func shell(
    _ name: String, _ arguments: [String], environment: [String: String]? = nil
  ) throws -> String {
    let shellPath = try #require(Repository.tool(name), "\(name) is not installed")
    let timeout = try #require(Repository.tool("timeout"), "coreutils timeout is missing")
    let r = try run(
      timeout, ["60", shellPath] + arguments, environment: environment ?? self.environment,
      directory: home.path)
    guard r.status == 0 else {
      throw CompletionFailure(shell: name, status: r.status, output: r.stdout + r.stderr)
    }
    return r.stdout
  }

  private func candidates(_ output: String, separator: Character?) -> [String] {
    output.split(separator: "\n").map { line in
      guard let separator, let cut = line.firstIndex(of: separator) else { return String(line) }
      return String(line[..<cut])
    }.filter { !$0.isEmpty }
  }
}

/// A shell that exited with an error while completing.
struct CompletionFailure: Error, CustomStringConvertible {
  var shell: String
  var status: Int32
  var output: String
  var description: String { "\(shell) exited with \(status):\n\(output)" }
}
