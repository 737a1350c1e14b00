function __trsh_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __trsh_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __trsh_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __trsh_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __trsh_parse_tokens -S
    set -l unparsed_tokens (__trsh_tokens -pc)
    switch $unparsed_tokens[1]
    case 'trsh'
        __trsh_parse_subcommand 0 'instance=' 'f=' 'c=' 'keep-going' 'y/yes' 'json' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'show'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'version'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'status'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'services'
                __trsh_parse_subcommand 0 'json' 'h/help'
            end
        case 'instance'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'create'
                __trsh_parse_subcommand 1 'version=' 'sample-data=' 'seed=' 'hostname=' 'engine=' 'database-url=' 'password-file=' 'json' 'h/help'
            case 'info'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'decommission'
                __trsh_parse_subcommand 0 'y/yes' 'json' 'h/help'
            end
        case 'alert-source'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'show'
                __trsh_parse_subcommand 1 'json' 'h/help'
            case 'enable'
                __trsh_parse_subcommand -r 1 'all' 'force' 'json' 'h/help'
            case 'disable'
                __trsh_parse_subcommand -r 1 'all' 'json' 'h/help'
            case 'credentials'
                __trsh_parse_subcommand 1 'principal=' 'secret-file=' 'json' 'h/help'
            end
        case 'backup'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'create'
                __trsh_parse_subcommand 0 'output=' 'no-incidents' 'force' 'json' 'h/help'
            case 'list'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'show'
                __trsh_parse_subcommand 1 'json' 'h/help'
            case 'verify'
                __trsh_parse_subcommand 1 'secret=' 'json' 'h/help'
            case 'upload'
                __trsh_parse_subcommand 1 'json' 'h/help'
            case 'delete'
                __trsh_parse_subcommand 1 'json' 'y/yes' 'h/help'
            end
        case 'secret'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'export'
                __trsh_parse_subcommand 0 'output=' 'force' 'json' 'h/help'
            case 'show'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'upload'
                __trsh_parse_subcommand 1 'json' 'y/yes' 'h/help'
            end
        case 'restore'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'run'
                __trsh_parse_subcommand 1 'validate-encryption' 'no-validate-encryption' 'restore-admin-password' 'dry-run' 'json' 'y/yes' 'h/help'
            case 'status'
                __trsh_parse_subcommand 0 'json' 'h/help'
            end
        case 'license'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __trsh_parse_subcommand 0 'available' 'installed' 'invalid' 'json' 'h/help'
            case 'add'
                __trsh_parse_subcommand 1 'json' 'h/help'
            case 'remove'
                __trsh_parse_subcommand 1 'json' 'h/help'
            case 'validate'
                __trsh_parse_subcommand -r 1 'proxy=' 'proxy-user=' 'json' 'h/help'
            case 'proxy'
                __trsh_parse_subcommand 0 'h/help'
                switch $unparsed_tokens[1]
                case 'set'
                    __trsh_parse_subcommand 1 'user=' 'password-file=' 'json' 'h/help'
                case 'show'
                    __trsh_parse_subcommand 0 'json' 'h/help'
                case 'clear'
                    __trsh_parse_subcommand 0 'json' 'h/help'
                end
            end
        case 'ping'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'overcast'
                __trsh_parse_subcommand 0 'c/count=' 'i/interval=' 'W/timeout=' 'proxy=' 'proxy-user=' 'via-license-proxy' 'json' 'h/help'
            end
        case 'overcast'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'url'
                __trsh_parse_subcommand 0 'h/help'
                switch $unparsed_tokens[1]
                case 'set'
                    __trsh_parse_subcommand 1 'json' 'h/help'
                case 'show'
                    __trsh_parse_subcommand 0 'json' 'h/help'
                end
            case 'ca'
                __trsh_parse_subcommand 0 'h/help'
                switch $unparsed_tokens[1]
                case 'set'
                    __trsh_parse_subcommand 1 'json' 'h/help'
                case 'clear'
                    __trsh_parse_subcommand 0 'json' 'h/help'
                end
            case 'timeout'
                __trsh_parse_subcommand 0 'h/help'
                switch $unparsed_tokens[1]
                case 'set'
                    __trsh_parse_subcommand 0 'connect=' 'read=' 'json' 'h/help'
                end
            end
        case 'upgrade'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'status'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'plan'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'next'
                __trsh_parse_subcommand 0 'run' 'json' 'y/yes' 'h/help'
            end
        case 'settings'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __trsh_parse_subcommand 1 'json' 'h/help'
            case 'map'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'export'
                __trsh_parse_subcommand 0 'o/output=' 'force' 'json' 'h/help'
            case 'copy'
                __trsh_parse_subcommand 0 'from=' 'from-instance=' 'section=+' 'dry-run' 'json' 'y/yes' 'h/help'
            case 'set'
                __trsh_parse_subcommand 2 'value-file=' 'json' 'h/help'
            case 'unset'
                __trsh_parse_subcommand 1 'json' 'h/help'
            end
        case 'cluster'
            __trsh_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'setup'
                __trsh_parse_subcommand 0 'role=' 'cluster-id=' 'management-ip=' 'interface=' 'peer=' 'discard-data' 'y/yes' 'json' 'h/help'
            case 'status'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'verify'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'switchover'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'failover'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'rejoin'
                __trsh_parse_subcommand 0 'json' 'h/help'
            case 'leave'
                __trsh_parse_subcommand 0 'y/yes' 'json' 'h/help'
            end
        case 'help'
            __trsh_parse_subcommand -r 1 'json' 'h/help'
        case 'find'
            __trsh_parse_subcommand 1 'json' 'h/help'
        case 'history'
            __trsh_parse_subcommand 1 'json' 'h/help'
        case 'echo'
            __trsh_parse_subcommand -r 1 'json' 'h/help'
        case 'exit'
            __trsh_parse_subcommand 1 'json' 'h/help'
        case 'quit'
            __trsh_parse_subcommand 0 'json' 'h/help'
        case 'help'
            __trsh_parse_subcommand -r 1 
        end
    end
end

function __trsh_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __trsh_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __trsh_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __trsh_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__trsh_tokens -p)
    if test -z "$(__trsh_tokens -t)"
        set -l index (count (__trsh_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'trsh' -f
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" instance' -l 'instance' -d 'The instance directory (default $TRSH_INSTANCE, else $XDG_DATA_HOME/trsh/default).' -rfa '(__trsh_complete_directories)'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" f' -s 'f' -d 'Run the commands in FILE, then exit.' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" c' -s 'c' -d 'Run the commands in the string (separated by \';\' or newlines), then exit.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" keep-going' -l 'keep-going' -d 'In batch mode, go on after a failing command.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" y yes' -l 'yes' -s 'y' -d 'Answer yes to every confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" json' -l 'json' -d 'Print results and errors as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" version' -l 'version' -d 'Show the version.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'show' -d 'Show versions, status and services.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'instance' -d 'Create and inspect appliance instances.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'alert-source' -d 'List, show, enable and disable alert sources; re-enter their credentials.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'backup' -d 'Create, list, show, verify, upload and delete backups.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'secret' -d 'Export, show (fingerprint only) and upload the Master Secret.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'restore' -d 'Restore an uploaded backup; show the last restore.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'license' -d 'List, add, remove and validate licence keys.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'ping' -d 'Check that a service answers.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'overcast' -d 'Configure the Overcast URL, extra CA bundle and timeouts.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'upgrade' -d 'Follow the guided upgrade: status, the whole plan, the next step.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'settings' -d 'Show, export and copy the console settings from the 4.x layout to 5.x.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'cluster' -d 'Form and run a two-node high-availability cluster (PostgreSQL instances).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'help' -d 'List the commands, or show the full help of one command.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'find' -d 'Search every command\'s name and description for a word.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'history' -d 'Show the last N command lines (all by default).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'echo' -d 'Print the words given, separated by spaces.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'exit' -d 'Leave the shell (with an exit status, 0 by default).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'quit' -d 'Leave the shell.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh show" -eq 1' -fa 'version' -d 'Show the trsh version and the appliance\'s version and schema.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh show" -eq 1' -fa 'status' -d 'Show host, version, counts, alert sources, licences, secret fingerprint and workflow state.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh show" -eq 1' -fa 'services' -d 'Show the appliance\'s services: running, or restarting until when.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show version" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show version" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show status" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show services" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh show services" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh instance" -eq 1' -fa 'create' -d 'Create an instance (4.6 legacy or 5.x), optionally with realistic sample data.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh instance" -eq 1' -fa 'info' -d 'Show the instance\'s path, id, versions, size and table counts.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh instance" -eq 1' -fa 'decommission' -d 'Decommission this (old) appliance: disable all alert sources; only show, help and backup remain.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh instance create" -eq 1' -fa '(__trsh_complete_directories)'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" version' -l 'version' -d 'The appliance version: 4.0 to 4.6 (legacy layout) or 5.0 to 5.6, as recorded and shown.' -rfka '4.6 5.x'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" sample-data' -l 'sample-data' -d 'How many incidents to generate (about 5 alerts each).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" seed' -l 'seed' -d 'Seed for deterministic generation.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" hostname' -l 'hostname' -d 'The host name of the new instance.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" engine' -l 'engine' -d 'Where the instance keeps its data: sqlite (embedded, the default) or postgresql.' -rfka 'sqlite postgresql'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" database-url' -l 'database-url' -d 'Use this PostgreSQL database instead of the instance\'s own server.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" password-file' -l 'password-file' -d 'A file whose first line is the database password.' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance create" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance info" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance info" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance decommission" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance decommission" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh instance decommission" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source" -eq 1' -fa 'list' -d 'List the alert sources (credentials only as set/readable).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source" -eq 1' -fa 'show' -d 'Show one alert source.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source" -eq 1' -fa 'enable' -d 'Enable alert sources (by name, or --all).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source" -eq 1' -fa 'disable' -d 'Disable alert sources (by name, or --all).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source" -eq 1' -fa 'credentials' -d 'Re-enter an alert source\'s credentials (asked without echo, or --secret-file).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source list" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source show" -eq 1' -fka '(__trsh_custom_completion ---completion alert-source show -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source show" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source enable" -ge 1' -fka '(__trsh_custom_completion ---completion alert-source enable -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source enable" all' -l 'all' -d 'Enable every alert source.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source enable" force' -l 'force' -d 'Enable even where the workflow advises against it (unreadable credentials).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source enable" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source enable" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source disable" -ge 1' -fka '(__trsh_custom_completion ---completion alert-source disable -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source disable" all' -l 'all' -d 'Disable every alert source.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source disable" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source disable" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh alert-source credentials" -eq 1' -fka '(__trsh_custom_completion ---completion alert-source credentials -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source credentials" principal' -l 'principal' -d 'The account or client id the credential belongs to (kept when left out).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source credentials" secret-file' -l 'secret-file' -d 'Read the credential from this file\'s first line (for runbooks).' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source credentials" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh alert-source credentials" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup" -eq 1' -fa 'create' -d 'Back up the whole instance (refused while alert sources are enabled).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup" -eq 1' -fa 'list' -d 'List the backups made and uploaded here.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup" -eq 1' -fa 'show' -d 'Show a backup\'s header without reading its body.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup" -eq 1' -fa 'verify' -d 'Check a backup\'s integrity (and, with --secret, that its encrypted fields open).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup" -eq 1' -fa 'upload' -d 'Upload a backup into this instance (verified; a newer version is refused).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup" -eq 1' -fa 'delete' -d 'Delete a backup made or uploaded here.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup create" output' -l 'output' -d 'Where to write the archive (default: backups/HOST-TIME.trbk).' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup create" no-incidents' -l 'no-incidents' -d 'Leave incidents, alerts and quarantine results out.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup create" force' -l 'force' -d 'Back up even with alert sources enabled (recorded in the backup).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup create" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup create" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup list" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup show" -eq 1' -fka '(__trsh_custom_completion ---completion backup show -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup show" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup verify" -eq 1' -fka '(__trsh_custom_completion ---completion backup verify -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup verify" secret' -l 'secret' -d 'A Master Secret file: also check that every encrypted field opens with it.' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup verify" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup upload" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'trbk\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup upload" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup upload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh backup delete" -eq 1' -fka '(__trsh_custom_completion ---completion backup delete -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup delete" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup delete" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh backup delete" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh secret" -eq 1' -fa 'export' -d 'Write the Master Secret to a file (mode 0600).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh secret" -eq 1' -fa 'show' -d 'Show the Master Secret\'s fingerprint.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh secret" -eq 1' -fa 'upload' -d 'Replace the Master Secret with an exported one (restarts all services).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret export" output' -l 'output' -d 'The file to write.' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret export" force' -l 'force' -d 'Overwrite an existing file.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret export" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret show" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh secret upload" -eq 1' -F
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret upload" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret upload" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh secret upload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh restore" -eq 1' -fa 'run' -d 'Restore an uploaded backup (validating encryption unless told not to).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh restore" -eq 1' -fa 'status' -d 'Show the outcome of the last restore.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh restore run" -eq 1' -fka '(__trsh_custom_completion ---completion restore run -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" validate-encryption' -l 'validate-encryption' -d 'Refuse unless every encrypted field opens under this instance\'s Master Secret.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" no-validate-encryption' -l 'no-validate-encryption' -d 'Restore even if encrypted fields do not open: the instance is left inconsistent until they are re-entered (asks first).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" restore-admin-password' -l 'restore-admin-password' -d 'Bring the system admin account\'s password across from the backup.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" dry-run' -l 'dry-run' -d 'Report what would be restored; change nothing.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore status" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh restore status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license" -eq 1' -fa 'list' -d 'List the licence keys (masked) and their state.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license" -eq 1' -fa 'add' -d 'Add a licence key (format and check character verified).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license" -eq 1' -fa 'remove' -d 'Remove a licence key from the instance.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license" -eq 1' -fa 'validate' -d 'Validate licence keys with Overcast (the given ones, or all Available ones).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license" -eq 1' -fa 'proxy' -d 'Set, show or clear the proxy used for licence validation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license list" available' -l 'available' -d 'Only the keys in this state.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license list" installed' -l 'installed' -d 'Only the keys in this state.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license list" invalid' -l 'invalid' -d 'Only the keys in this state.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license list" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license add" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license remove" -eq 1' -fka '(__trsh_custom_completion ---completion license remove -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license remove" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license validate" -ge 1' -fka '(__trsh_custom_completion ---completion license validate -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license validate" proxy' -l 'proxy' -d 'Go through this HTTP proxy (HOST:PORT) instead of the licensing proxy.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license validate" proxy-user' -l 'proxy-user' -d 'User for --proxy (password from $TRSH_PROXY_PASSWORD, else asked on the terminal).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license validate" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license proxy" -eq 1' -fa 'set' -d 'Set the licensing proxy; the password is stored encrypted.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license proxy" -eq 1' -fa 'show' -d 'Show the licensing proxy (never its password).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh license proxy" -eq 1' -fa 'clear' -d 'Remove the licensing proxy.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy set" user' -l 'user' -d 'User for basic authentication.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy set" password-file' -l 'password-file' -d 'A file whose first line is the password.' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy set" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy show" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy clear" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh license proxy clear" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh ping" -eq 1' -fa 'overcast' -d 'Ping the Overcast licence service.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" c count' -s 'c' -l 'count' -d 'Number of attempts.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" i interval' -s 'i' -l 'interval' -d 'Seconds between attempts.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" W timeout' -s 'W' -l 'timeout' -d 'Connect and read timeout, in seconds.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" proxy' -l 'proxy' -d 'Go through this HTTP proxy (HOST:PORT).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" proxy-user' -l 'proxy-user' -d 'User for --proxy (password from $TRSH_PROXY_PASSWORD, else asked on the terminal).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" via-license-proxy' -l 'via-license-proxy' -d 'Go through the licensing proxy (\'license proxy set\').'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh ping overcast" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast" -eq 1' -fa 'url' -d 'Set or show the Overcast base URL.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast" -eq 1' -fa 'ca' -d 'Set or clear an extra CA bundle for Overcast.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast" -eq 1' -fa 'timeout' -d 'Set the Overcast connect and read timeouts.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast url" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast url" -eq 1' -fa 'set' -d 'Set the Overcast base URL ($TRSH_OVERCAST_URL overrides it).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast url" -eq 1' -fa 'show' -d 'Show the Overcast URL, CA bundle and timeouts.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast url set" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast url set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast url show" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast url show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast ca" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast ca" -eq 1' -fa 'set' -d 'Trust the CA certificates of a PEM file (copied into the instance).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast ca" -eq 1' -fa 'clear' -d 'Trust only the system\'s CA certificates for Overcast.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast ca set" -eq 1' -F
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast ca set" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast ca set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast ca clear" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast ca clear" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast timeout" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh overcast timeout" -eq 1' -fa 'set' -d 'Set the connect (TCP, proxy, TLS) and read timeouts, in seconds.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast timeout set" connect' -l 'connect' -d 'Seconds allowed to connect (TCP, proxy CONNECT and TLS handshake).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast timeout set" read' -l 'read' -d 'Seconds allowed for each read once the request is sent.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast timeout set" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh overcast timeout set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh upgrade" -eq 1' -fa 'status' -d 'Show the workflow state, what was done (with times) and what is left.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh upgrade" -eq 1' -fa 'plan' -d 'Show the whole upgrade checklist for this appliance, with each step\'s command.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh upgrade" -eq 1' -fa 'next' -d 'Explain the next upgrade step; with --run, run it when it needs no further input.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade status" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade plan" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade next" run' -l 'run' -d 'Run the next step\'s command (only when it needs no file); a step that asks for confirmation (restore) asks, or takes --yes.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade next" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade next" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh upgrade next" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings" -eq 1' -fa 'show' -d 'Show the console settings (4.x Setup/... or 5.x layout); secrets only as set.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings" -eq 1' -fa 'map' -d 'Print the settings mapping table: where every old field goes, or why it has no place.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings" -eq 1' -fa 'export' -d 'Write this 4.x appliance\'s console settings to a versioned JSON file.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings" -eq 1' -fa 'copy' -d 'Copy 4.x console settings into this 5.x instance (shows the diff, then asks).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings" -eq 1' -fa 'set' -d 'Set one console setting (value checked: addresses, ports, host names, choices).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings" -eq 1' -fa 'unset' -d 'Remove one console setting (never the Default Gateway).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings show" -eq 1' -fka '(__trsh_custom_completion ---completion settings show -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings show" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings map" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings map" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings export" o output' -s 'o' -l 'output' -d 'The file to write.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings export" force' -l 'force' -d 'Replace the file if it exists.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings export" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy" from' -l 'from' -d 'A settings export file from the old appliance.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy" from-instance' -l 'from-instance' -d 'A legacy 4.x instance directory to copy from.' -rfa '(__trsh_complete_directories)'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy"' -l 'section' -d 'Copy only this old section (repeatable), e.g. Setup/NTP.' -rfka '(__trsh_custom_completion ---completion settings copy -- --section (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy" dry-run' -l 'dry-run' -d 'Show the diff and change nothing.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings copy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings set" -eq 1' -fka '(__trsh_custom_completion ---completion settings set -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings set" value-file' -l 'value-file' -d 'Read the value from this file (for secrets).' -rF
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings set" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh settings unset" -eq 1' -fka '(__trsh_custom_completion ---completion settings unset -- positional@0 (count (__trsh_tokens -pc)) (__trsh_tokens -tC))'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings unset" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh settings unset" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'setup' -d 'Make this instance the primary or the secondary node of a cluster.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'status' -d 'Show each node\'s role, replication state and lag, and the last failover.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'verify' -d 'Check that both nodes hold the same data (row counts and table digests).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'switchover' -d 'Planned role swap with no data loss: the standby becomes primary, the primary its standby.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'failover' -d 'Promote this standby when the primary is gone (refused while it answers).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'rejoin' -d 'Bring this node (the old primary) back as the standby of the current primary.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_positional "trsh cluster" -eq 1' -fa 'leave' -d 'Take this node out of the cluster; it runs standalone with the data it has.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" role' -l 'role' -d 'The node\'s HA role: primary or secondary.' -rfka 'primary secondary'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" cluster-id' -l 'cluster-id' -d 'The cluster ID (1 to 255), the same on both nodes.' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" management-ip' -l 'management-ip' -d 'The cluster\'s shared management IP and prefix length (A.B.C.D/LEN).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" interface' -l 'interface' -d 'The cluster interface, as named under Networking → Interfaces (e.g. eth1).' -rfka ''
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" peer' -l 'peer' -d 'The other node\'s instance directory (required for a secondary: the primary).' -rfa '(__trsh_complete_directories)'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" discard-data' -l 'discard-data' -d 'Let a secondary that holds incidents lose them (with --yes).'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster setup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster status" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster verify" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster switchover" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster switchover" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster failover" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster failover" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster rejoin" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster rejoin" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster leave" y yes' -l 'yes' -s 'y' -d 'Do not ask for confirmation.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster leave" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh cluster leave" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh help" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh help" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh find" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh find" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh history" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh echo" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh echo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh exit" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh exit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh quit" json' -l 'json' -d 'Print the result (or the error) as JSON.'
complete -c 'trsh' -n '__trsh_should_offer_completions_for_flags_or_options "trsh quit" h help' -s 'h' -l 'help' -d 'Show help information.'
