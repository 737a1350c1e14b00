/// The hand-written sections of the manual: what the command model cannot know.
///
/// Each is mdoc(7) source; the generated parts are spliced in by `ManualPage`.
enum ManualText {
  static let name = #"""
    .Sh NAME
    .Nm trsh
    .Nd the admin shell of a Threat Response appliance
    """#

  static let description = #"""
    .Sh DESCRIPTION
    .Nm
    administers a Threat Response appliance instance: its alert sources, backups,
    Master Secret, licences and settings, and above all the move from a 3.x/4.x
    appliance to a new 5.x appliance.
    A guided upgrade workflow refuses steps taken out of order, such as a backup made
    while alert sources are still polling.
    .Pp
    It is used in three ways, and every command works the same in all three:
    .Bl -tag -width Ds
    .It Interactively
    When standard input and standard output are terminals and no command, file or
    .Fl c
    string is given,
    .Nm
    shows a prompt with line editing, Tab completion,
    .Ql \&?
    help, history and abbreviations; see
    .Sx INTERACTIVE USE .
    .It As a batch interpreter
    Commands are read from a runbook file
    .Pq Fl f Ar file ,
    from a string
    .Pq Fl c Ar commands ,
    or from standard input when it is not a terminal; see
    .Sx BATCH MODE .
    .It One-shot
    With a command on the command line,
    .Nm
    runs that one command and exits with its status.
    The
    .Xr bash 1 ,
    .Xr zsh 1
    and
    .Xr fish 1
    completion scripts installed with
    .Nm
    complete its commands, options and values.
    .El
    .Pp
    Every command acts on one instance directory: the
    .Fl -instance
    option, else
    .Ev TRSH_INSTANCE ,
    else
    .Pa $XDG_DATA_HOME/trsh/default .
    Only
    .Ic instance create
    creates an instance, and the first interactive start creates the default one
    (saying so); any other command on a missing instance fails with status 1 and
    names the path, so a mistyped
    .Fl -instance
    never becomes a new instance with a Master Secret of its own.
    .Pp
    The options are:
    """#

  static let interactiveUse = #"""
    .Sh INTERACTIVE USE
    The prompt shows the host name and the state of the upgrade workflow.
    Lines are edited with
    .Xr editline 7
    in emacs mode; these keys have a meaning of their own:
    .Bl -tag -width "Up, Down"
    .It Tab
    Completes the word at the cursor: a command word, an option name, or a value
    (file names, alert source names and other values the instance knows).
    .It Tab Tab
    Pressed twice when the word is ambiguous, lists the candidates.
    .It Ql \&?
    Lists what may come next at the cursor, with a one-line description of each,
    and leaves the line as it was.
    It says what is expected where Enter would fail: a placeholder such as
    .Ql <version>
    for an option still missing its value,
    .Ql % incomplete
    for a missing argument,
    .Ql % unknown word
    for a word the command does not take.
    Inside quotes or after a backslash,
    .Ql \&?
    is an ordinary character.
    .It Up , Down
    Walk through the history of earlier lines.
    .It Ctrl-R
    Searches the history backwards, incrementally.
    .It Ctrl-C
    Drops the line being typed; while a command runs, cancels it and leaves the
    instance as it was before the command.
    .It Ctrl-D
    On an empty line, leaves the shell, like
    .Ic exit .
    .El
    .Pp
    Every command word may be abbreviated to any unique prefix:
    .Ql sh ver
    runs
    .Ql show version .
    An ambiguous prefix is an error that lists the candidates.
    .Ic help Op Ar command
    prints the full help of a command and
    .Ic find Ar word
    searches the names and descriptions of every command.
    .Pp
    Key bindings and other editor settings may be changed in
    .Pa ~/.editrc ,
    which is read after the built-in bindings; see
    .Xr editrc 5 .
    """#

  static let batchMode = #"""
    .Sh BATCH MODE
    In batch mode
    .Nm
    reads commands one per line from the file given with
    .Fl f
    .Po
    .Ql -
    for standard input
    .Pc ,
    from the string given with
    .Fl c ,
    or from standard input.
    Words are quoted as in
    .Xr sh 1 :
    .Ql '...' ,
    .Ql \(dq...\(dq
    and
    .Ql \e .
    A
    .Ql #
    starts a comment that runs to the end of the line,
    .Ql \&;
    separates commands on one line, and a
    .Ql \e
    at the end of a line continues the command on the next line.
    .Pp
    Batch mode never waits for an answer: a command that would ask for confirmation
    fails with a message saying so, unless
    .Fl -yes
    was given.
    .Nm
    stops at the first failing line and reports it on standard error as
    .Dl FILE:LINE: message
    and exits with that command's status.
    With
    .Fl -keep-going
    it reports every failure, runs the remaining lines, and exits with the status of
    the last failure.
    """#

  static let exitStatus = #"""
    .Sh EXIT STATUS
    A one-shot command, and a batch run, exit with one of:
    .Pp
    .Bl -tag -width Ds -compact
    .It 0
    Success.
    .It 1
    The command failed.
    .It 2
    Usage error: unknown command or option, missing or malformed argument, an
    output file that exists without
    .Fl -force ,
    a secret typed on the command line.
    .It 3
    Refused in the current state of the upgrade workflow, or on this kind of
    instance (a 5.x command on a 4.x instance, another restore running).
    .It 4
    Validation failed: Master Secret mismatch, archive integrity, invalid licence.
    .It 5
    Connectivity failure: DNS, connection, TLS, proxy or unexpected answer from Overcast.
    .It 130
    Interrupted by Ctrl-C or
    .Dv SIGINT .
    .El
    """#

  static let environment = #"""
    .Sh ENVIRONMENT
    .Bl -tag -width Ds
    .It Ev TRSH_INSTANCE
    The instance directory when
    .Fl -instance
    is not given.
    .It Ev XDG_DATA_HOME
    Holds the default instance,
    .Pa trsh/default ;
    default
    .Pa ~/.local/share .
    .It Ev XDG_STATE_HOME
    Holds the history file,
    .Pa trsh/history ;
    default
    .Pa ~/.local/state .
    .It Ev XDG_CONFIG_HOME
    Holds per-user configuration in
    .Pa trsh/ ;
    default
    .Pa ~/.config .
    .It Ev NO_COLOR
    When set, output is plain text without colour.
    .It Ev TERM
    When
    .Ql dumb ,
    output is plain and no progress bars are drawn.
    Progress bars are only drawn on a terminal, on standard error.
    .It Ev TRSH_OVERCAST_URL
    The base URL of the Overcast licence service, instead of the vendor's; labs,
    air-gapped sites and tests point it at the
    .Cm overcastd
    service that comes with
    .Nm .
    .It Ev TRSH_PROXY_PASSWORD
    The password of the HTTPS proxy used for licensing, so that it never appears in
    the process list or the history.
    .El
    """#

  static let files = #"""
    .Sh FILES
    An instance is a directory, mode 0700, whose files are all mode 0600 whatever
    the umask; it holds:
    .Bl -tag -width Ds
    .It Pa appliance.sqlite
    The appliance database: incidents, alerts, alert sources, quarantine results,
    lists, users, settings, licences, proxy, uploads and the upgrade workflow state.
    .It Pa secret.key
    The 32-byte Master Secret, mode 0600, created on first use.
    It encrypts credentials, passwords and API keys in the database and is never
    printed, logged or kept in the history.
    .It Pa backups/
    Backup archives made on this instance.
    .It Pa uploads/
    Backup archives and secrets uploaded to this instance.
    .It Pa audit.log
    One JSON line per command: time, user, origin, the command with secrets
    redacted (values of password options, of secret settings such as
    .Pa Configurations/Security/LDAP/bind_password ,
    and URL credentials, also on lines that were refused), exit status, duration, and the workflow state before and after.
    .El
    .Pp
    Other files:
    .Bl -tag -width Ds
    .It Pa $XDG_DATA_HOME/trsh/default/
    The default instance.
    .It Pa $XDG_STATE_HOME/trsh/history
    The interactive history, written after every command; secrets are never
    recorded.
    .It Pa ~/.editrc
    Line editor settings; see
    .Xr editrc 5 .
    .El
    """#

  /// Introduces the example runbooks; they follow as literal displays.
  static let examplesIntro = #"""
    .Sh EXAMPLES
    Show the version and the state of the default instance:
    .Dl $ trsh show version
    .Dl $ trsh --json show status
    .Pp
    An upgrade is two runbooks, run with
    .Fl f .
    """#

  /// The runbooks used when `examples/upgrade-old.trsh` and `upgrade-new.trsh` do not exist.
  static let fallbackOldRunbook = """
    # On the old 4.x appliance: stop polling, then back up with incident data.
    alert-source disable --all
    backup create --output old.trbk
    secret export --output old.key
    """

  static let fallbackNewRunbook = """
    # On the new 5.x appliance, with old.trbk and old.key copied across.
    secret upload old.key --yes
    backup upload old.trbk
    restore --yes
    license validate
    settings copy --from-instance /path/old --yes
    alert-source enable --all
    """

  static let decommission = #"""
    .Pp
    When data, configuration and licences match, the old appliance is retired:
    .Dl $ trsh --instance /path/old instance decommission --yes
    """#

  static let seeAlso = #"""
    .Sh SEE ALSO
    .Xr bash 1 ,
    .Xr fish 1 ,
    .Xr zsh 1 ,
    .Xr editrc 5 ,
    .Xr editline 7
    """#
}
